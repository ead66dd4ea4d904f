package cn.onething.catalog.guidefiles;

import java.util.List;

import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Hall;
import cn.onething.shared.yaml.Problem;
import org.springframework.modulith.NamedInterface;

/** What a guides folder holds, or the problems that keep it from being imported. */
@NamedInterface("guidefiles")
public record GuideFolder(Hall hall, List<Domain> domains, List<Department> departments, List<SourcedGuide> guides,
		List<Problem> problems) {

	public boolean isValid() {
		return problems.isEmpty();
	}

	/** A guide and the file it came from, relative to the folder. */
	public record SourcedGuide(Guide guide, String path) {
	}
}
