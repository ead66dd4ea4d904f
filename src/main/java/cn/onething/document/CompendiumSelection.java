package cn.onething.document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleSnapshot;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;

/**
 * Which guides and one-thing pages (一件事) a compendium prints: the whole catalogue with every bundle, one domain,
 * one implementing department, or one bundle with the guides of its items. A domain's or a department's book has no
 * one-thing pages: a bundle's items span several domains and departments, so its page would point to guides the
 * book does not hold.
 */
public record CompendiumSelection(Scope scope, String id) {

	public enum Scope {
		WHOLE, DOMAIN, DEPARTMENT, BUNDLE
	}

	public CompendiumSelection {
		Objects.requireNonNull(scope, "scope");
		if ((scope == Scope.WHOLE) != (id == null)) {
			throw new IllegalArgumentException("the whole catalogue takes no id, a domain, department or bundle needs one");
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

	public static CompendiumSelection bundle(String id) {
		return new CompendiumSelection(Scope.BUNDLE, id);
	}

	/**
	 * What this selection prints from the catalogue and the bundles, or empty when its domain, department or bundle is
	 * not in them. The whole catalogue keeps its empty domains (the book says they have no items); the other books
	 * list only the domains where they have items.
	 */
	public Optional<CompendiumContents> contents(CatalogSnapshot catalogue, BundleSnapshot bundles) {
		return switch (scope) {
			case WHOLE -> Optional.of(new CompendiumContents(null, bundles.bundles(), catalogue.domains().stream()
					.map(domain -> part(catalogue, domain, guide -> true))
					.toList()));
			case DOMAIN -> catalogue.domain(id).map(domain -> new CompendiumContents(domain.name(), List.of(),
					List.of(part(catalogue, domain, guide -> true))));
			case DEPARTMENT -> catalogue.department(id).map(department -> new CompendiumContents(department.name(),
					List.of(), partsWith(catalogue, guide -> isOf(guide, department))));
			case BUNDLE -> bundles.bundle(id).map(bundle -> new CompendiumContents(bundle.name(), List.of(bundle),
					partsWith(catalogue, guide -> isIn(guide, bundle))));
		};
	}

	private static List<CompendiumContents.Part> partsWith(CatalogSnapshot catalogue, Predicate<Guide> printed) {
		return catalogue.domains().stream()
				.map(domain -> part(catalogue, domain, printed))
				.filter(part -> !part.guides().isEmpty())
				.toList();
	}

	private static CompendiumContents.Part part(CatalogSnapshot catalogue, Domain domain, Predicate<Guide> printed) {
		return new CompendiumContents.Part(domain, catalogue.guidesOf(domain.id()).stream().filter(printed).toList());
	}

	private static boolean isOf(Guide guide, Department department) {
		return guide.department() != null && department.id().equals(guide.department().id());
	}

	private static boolean isIn(Guide guide, Bundle bundle) {
		return bundle.item(guide.code()).isPresent();
	}
}
