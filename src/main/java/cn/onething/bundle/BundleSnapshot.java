package cn.onething.bundle;

import java.util.List;
import java.util.Optional;

/**
 * The current bundles as one immutable value, like the catalogue's snapshot. {@code importId} is the latest
 * bundle import; 0 before the first.
 */
public record BundleSnapshot(long importId, List<Bundle> bundles) {

	public BundleSnapshot {
		bundles = List.copyOf(bundles);
	}

	public static BundleSnapshot empty() {
		return new BundleSnapshot(0, List.of());
	}

	public Optional<Bundle> bundle(String id) {
		return bundles.stream().filter(b -> b.id().equals(id)).findFirst();
	}
}
