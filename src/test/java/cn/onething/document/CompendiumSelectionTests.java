package cn.onething.document;

import java.util.List;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.BundleSnapshot;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which guides each printed book holds. */
class CompendiumSelectionTests {

	final CatalogSnapshot catalogue = CompendiumFixture.shipped();
	final BundleSnapshot bundles = CompendiumFixture.shippedBundles(catalogue);

	@Test
	void theWholeBookHasEveryDomainInCatalogueOrderAndEveryGuide() {
		CompendiumContents contents = CompendiumSelection.whole().contents(catalogue, bundles).orElseThrow();

		assertThat(contents.scopeName()).isNull();
		assertThat(contents.parts()).extracting(part -> part.domain().id())
				.containsExactlyElementsOf(catalogue.domains().stream().map(d -> d.id()).toList());
		assertThat(contents.guides()).hasSameSizeAs(catalogue.guides());
		assertThat(contents.bundles()).containsExactlyElementsOf(bundles.bundles());
	}

	@Test
	void aDomainsBookHasThatDomainOnly() {
		CompendiumContents contents = CompendiumSelection.domain("household-registration").contents(catalogue, bundles).orElseThrow();

		assertThat(contents.scopeName()).isEqualTo("户籍管理");
		assertThat(contents.parts()).singleElement().satisfies(part -> assertThat(part.guides())
				.containsExactlyElementsOf(catalogue.guidesOf("household-registration")));
	}

	@Test
	void aDepartmentsBookHasItsItemsAndOnlyTheDomainsWhereItHasSome() {
		CompendiumContents contents = CompendiumSelection.department("public-security").contents(catalogue, bundles).orElseThrow();

		assertThat(contents.scopeName()).isEqualTo("扶绥县公安局");
		assertThat(contents.guides()).isNotEmpty().allSatisfy(g -> assertThat(g.department().id()).isEqualTo("public-security"));
		assertThat(contents.guides()).hasSize((int) catalogue.guides().stream()
				.filter(g -> g.department().id().equals("public-security")).count());
		assertThat(contents.parts()).allSatisfy(part -> assertThat(part.guides()).isNotEmpty());
	}

	@Test
	void aDomainsOrADepartmentsBookHasNoOneThingPages() {
		assertThat(CompendiumSelection.domain("household-registration").contents(catalogue, bundles).orElseThrow()
				.bundles()).isEmpty();
		assertThat(CompendiumSelection.department("public-security").contents(catalogue, bundles).orElseThrow()
				.bundles()).isEmpty();
	}

	@Test
	void aBundlesBookHasItsOneThingPageAndTheGuidesOfItsItemsGroupedByDomainInCatalogueOrder() {
		Bundle newborn = bundles.bundle("newborn").orElseThrow();

		CompendiumContents contents = CompendiumSelection.bundle("newborn").contents(catalogue, bundles).orElseThrow();

		assertThat(contents.scopeName()).isEqualTo("新生儿出生一件事");
		assertThat(contents.bundles()).containsExactly(newborn);
		assertThat(contents.guides()).extracting(Guide::code)
				.containsExactlyInAnyOrderElementsOf(newborn.items().stream().map(BundleItem::code).toList());
		List<String> domainOrder = catalogue.domains().stream().map(Domain::id).toList();
		assertThat(contents.parts()).extracting(part -> domainOrder.indexOf(part.domain().id())).isSorted()
				.doesNotHaveDuplicates();
		assertThat(contents.parts()).allSatisfy(part -> assertThat(part.guides())
				.allSatisfy(guide -> assertThat(guide.domainId()).isEqualTo(part.domain().id())));
	}

	@Test
	void anUnknownDomainDepartmentOrBundleSelectsNothing() {
		assertThat(CompendiumSelection.domain("no-such-domain").contents(catalogue, bundles)).isEmpty();
		assertThat(CompendiumSelection.department("no-such-department").contents(catalogue, bundles)).isEmpty();
		assertThat(CompendiumSelection.bundle("no-such-bundle").contents(catalogue, bundles)).isEmpty();
	}

	@Test
	void theAppendixOfAPartialBookIsNumberedFromOne() {
		CompendiumContents contents = CompendiumSelection.domain("household-registration").contents(catalogue, bundles).orElseThrow();

		assertThat(contents.disclosureRows(catalogue)).extracting(DisclosureRow::number).startsWith(1, 2)
				.hasSize(contents.guides().size());
		assertThat(contents.disclosureRows(catalogue)).extracting(DisclosureRow::code)
				.containsExactlyElementsOf(contents.guides().stream().map(Guide::code).toList());
	}

	@Test
	void onlyADomainDepartmentOrBundleTakesAnId() {
		assertThatIllegalArgumentException().isThrownBy(() -> CompendiumSelection.domain(null));
		assertThatIllegalArgumentException().isThrownBy(() -> CompendiumSelection.bundle(null));
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new CompendiumSelection(CompendiumSelection.Scope.WHOLE, "household-registration"));
	}
}
