package cn.onething.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.catalog.internal.SearchIndex;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Hall;

/**
 * The current catalogue as one immutable value: what every page, API call and printed compendium reads. Its
 * {@code importId} is the catalogue version; a new import yields a new snapshot.
 */
public final class CatalogSnapshot {

	private final long importId;
	private final Instant importedAt;
	private final Hall hall;
	private final List<Domain> domains;
	private final List<Department> departments;
	private final Map<String, Guide> guidesByCode;
	private final Map<String, Integer> versionsByCode;
	private final Map<String, List<Guide>> guidesByDomain;
	private final SearchIndex searchIndex;

	public CatalogSnapshot(long importId, Instant importedAt, Hall hall, List<Domain> domains,
			List<Department> departments, List<Guide> guides, Map<String, Integer> versionsByCode) {
		this.importId = importId;
		this.importedAt = importedAt;
		this.hall = hall;
		this.domains = List.copyOf(domains);
		this.departments = List.copyOf(departments);
		this.guidesByCode = guides.stream().collect(Collectors.toMap(Guide::code, g -> g, (a, b) -> a, LinkedHashMap::new));
		this.versionsByCode = Map.copyOf(versionsByCode);
		this.guidesByDomain = guides.stream().collect(Collectors.groupingBy(Guide::domainId));
		this.searchIndex = new SearchIndex(guides, domains, disclosureCatalog());
	}

	/** Before the first import: no guides, an empty hall. */
	public static CatalogSnapshot empty() {
		return new CatalogSnapshot(0, Instant.EPOCH, new Hall("", "", "", "", "", "", ""), List.of(), List.of(),
				List.of(), Map.of());
	}

	public long importId() {
		return importId;
	}

	public Instant importedAt() {
		return importedAt;
	}

	public Hall hall() {
		return hall;
	}

	public List<Domain> domains() {
		return domains;
	}

	public List<Department> departments() {
		return departments;
	}

	public Optional<Department> department(String id) {
		return departments.stream().filter(d -> d.id().equals(id)).findFirst();
	}

	/**
	 * The department's name, or the id itself when this catalogue has no such department (a bundle or a staff account
	 * naming one withdrawn since): shown as it is rather than as nothing.
	 */
	public String departmentName(String id) {
		return department(id).map(Department::name).orElse(id);
	}

	public List<Guide> guides() {
		return List.copyOf(guidesByCode.values());
	}

	public Optional<Domain> domain(String id) {
		return domains.stream().filter(d -> d.id().equals(id)).findFirst();
	}

	public List<Guide> guidesOf(String domainId) {
		return guidesByDomain.getOrDefault(domainId, List.of());
	}

	public Optional<Guide> guide(String code) {
		return Optional.ofNullable(guidesByCode.get(code));
	}

	public int versionOf(String code) {
		return versionsByCode.getOrDefault(code, 0);
	}

	/** The disclosure catalogue in domain order, numbered from 1 as in the printed table. */
	public List<DisclosureRow> disclosureCatalog() {
		List<DisclosureRow> rows = new java.util.ArrayList<>();
		for (Domain domain : domains) {
			for (Guide guide : guidesOf(domain.id())) {
				rows.add(new DisclosureRow(rows.size() + 1, domain.name(), guide.code(), guide.name(), guide.disclosure()));
			}
		}
		return rows;
	}

	public SearchResult search(String query) {
		return searchIndex.search(query);
	}
}
