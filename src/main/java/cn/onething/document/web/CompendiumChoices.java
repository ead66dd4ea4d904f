package cn.onething.document.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.onething.bundle.BundleSnapshot;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;

/**
 * The books staff may print from the current catalogue and bundles, each with its number of items so they know how
 * thick it is. Only departments that implement an item are listed: another department's book would be a cover alone.
 *
 * @param importedAt when the catalogue version was imported, as the county reads the time
 */
record CompendiumChoices(long catalogVersion, String importedAt, long bundlesVersion, int itemCount,
		List<Choice> domains, List<Choice> bundles, List<Choice> departments) {

	private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
			.withZone(ZoneId.of("Asia/Shanghai"));

	/** One book: the id its link selects by, its name, and how many items (guides) it holds. */
	record Choice(String id, String name, int itemCount) {
	}

	static CompendiumChoices of(CatalogSnapshot catalogue, BundleSnapshot bundles) {
		Map<String, Long> itemsByDepartment = catalogue.guides().stream().map(Guide::department)
				.filter(Objects::nonNull)
				.collect(Collectors.groupingBy(Department::id, Collectors.counting()));
		return new CompendiumChoices(catalogue.importId(), CHINA_TIME.format(catalogue.importedAt()), bundles.importId(),
				catalogue.guides().size(),
				catalogue.domains().stream()
						.map(domain -> new Choice(domain.id(), domain.name(), catalogue.guidesOf(domain.id()).size()))
						.toList(),
				bundles.bundles().stream()
						.map(bundle -> new Choice(bundle.id(), bundle.name(), bundle.items().size()))
						.toList(),
				catalogue.departments().stream()
						.filter(department -> itemsByDepartment.containsKey(department.id()))
						.map(department -> new Choice(department.id(), department.name(),
								itemsByDepartment.get(department.id()).intValue()))
						.toList());
	}
}
