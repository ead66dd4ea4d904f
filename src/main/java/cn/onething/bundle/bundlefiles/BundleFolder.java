package cn.onething.bundle.bundlefiles;

import java.util.List;

import cn.onething.bundle.Bundle;
import cn.onething.shared.yaml.Problem;
import org.springframework.modulith.NamedInterface;

/** The bundles of guides/bundles/, or the problems that keep them from being imported. */
@NamedInterface("bundlefiles")
public record BundleFolder(List<SourcedBundle> bundles, List<Problem> problems) {

	public boolean isValid() {
		return problems.isEmpty();
	}

	/** A bundle and the file it came from, relative to the guides folder (bundles/newborn.yaml). */
	public record SourcedBundle(Bundle bundle, String path) {
	}
}
