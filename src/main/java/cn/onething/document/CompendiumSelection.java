package cn.onething.document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;

/** Which guides a compendium prints: the whole catalogue, one domain, or one implementing department. */
public record CompendiumSelection(Scope scope, String id) {

	public enum Scope {
		WHOLE, DOMAIN, DEPARTMENT
	}

	public CompendiumSelection {
		Objects.requireNonNull(scope, "scope");
		if ((scope == Scope.WHOLE) != (id == null)) {
			throw new IllegalArgumentException("the whole catalogue takes no id, a domain or department needs one");
		}
	}

	public static CompendiumSelection whole() {
		return new CompendiumSelection(Scope.WHOLE, null);
	}

	public static CompendiumSelection domain(String id) {
		return new CompendiumSelection(Scope.DOMAIN, id);
	}

	public static CompendiumSelection department(String id) {
		return new CompendiumSelection(Scope.DEPARTMENT, id);
	}

	/**
	 * What this selection prints from the snapshot, or empty when its domain or department is not in it. The whole
	 * catalogue keeps its empty domains (the book says they have no items); a department's book lists only the
	 * domains where it has items.
	 */
	public Optional<CompendiumContents> contents(CatalogSnapshot snapshot) {
		return switch (scope) {
			case WHOLE -> Optional.of(new CompendiumContents(null, snapshot.domains().stream()
					.map(domain -> new CompendiumContents.Part(domain, snapshot.guidesOf(domain.id())))
					.toList()));
			case DOMAIN -> snapshot.domain(id).map(domain -> new CompendiumContents(domain.name(),
					List.of(new CompendiumContents.Part(domain, snapshot.guidesOf(domain.id())))));
			case DEPARTMENT -> department(snapshot).map(department -> new CompendiumContents(department.name(),
					snapshot.domains().stream()
							.map(domain -> new CompendiumContents.Part(domain, snapshot.guidesOf(domain.id()).stream()
									.filter(guide -> isOf(guide, department)).toList()))
							.filter(part -> !part.guides().isEmpty())
							.toList()));
		};
	}

	private Optional<Department> department(CatalogSnapshot snapshot) {
		return snapshot.departments().stream().filter(d -> d.id().equals(id)).findFirst();
	}

	private static boolean isOf(Guide guide, Department department) {
		return guide.department() != null && department.id().equals(guide.department().id());
	}
}
