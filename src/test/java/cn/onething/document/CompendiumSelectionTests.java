package cn.onething.document;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Guide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which guides each printed book holds. */
class CompendiumSelectionTests {

	final CatalogSnapshot catalogue = CompendiumFixture.shipped();

	@Test
	void theWholeBookHasEveryDomainInCatalogueOrderAndEveryGuide() {
		CompendiumContents contents = CompendiumSelection.whole().contents(catalogue).orElseThrow();

		assertThat(contents.scopeName()).isNull();
		assertThat(contents.parts()).extracting(part -> part.domain().id())
				.containsExactlyElementsOf(catalogue.domains().stream().map(d -> d.id()).toList());
		assertThat(contents.guides()).hasSameSizeAs(catalogue.guides());
	}

	@Test
	void aDomainsBookHasThatDomainOnly() {
		CompendiumContents contents = CompendiumSelection.domain("household-registration").contents(catalogue).orElseThrow();

		assertThat(contents.scopeName()).isEqualTo("户籍管理");
		assertThat(contents.parts()).singleElement().satisfies(part -> assertThat(part.guides())
				.containsExactlyElementsOf(catalogue.guidesOf("household-registration")));
	}

	@Test
	void aDepartmentsBookHasItsItemsAndOnlyTheDomainsWhereItHasSome() {
		CompendiumContents contents = CompendiumSelection.department("public-security").contents(catalogue).orElseThrow();

		assertThat(contents.scopeName()).isEqualTo("扶绥县公安局");
		assertThat(contents.guides()).isNotEmpty().allSatisfy(g -> assertThat(g.department().id()).isEqualTo("public-security"));
		assertThat(contents.guides()).hasSize((int) catalogue.guides().stream()
				.filter(g -> g.department().id().equals("public-security")).count());
		assertThat(contents.parts()).allSatisfy(part -> assertThat(part.guides()).isNotEmpty());
	}

	@Test
	void anUnknownDomainOrDepartmentSelectsNothing() {
		assertThat(CompendiumSelection.domain("no-such-domain").contents(catalogue)).isEmpty();
		assertThat(CompendiumSelection.department("no-such-department").contents(catalogue)).isEmpty();
	}

	@Test
	void theAppendixOfAPartialBookIsNumberedFromOne() {
		CompendiumContents contents = CompendiumSelection.domain("household-registration").contents(catalogue).orElseThrow();

		assertThat(contents.disclosureRows(catalogue)).extracting(DisclosureRow::number).startsWith(1, 2)
				.hasSize(contents.guides().size());
		assertThat(contents.disclosureRows(catalogue)).extracting(DisclosureRow::code)
				.containsExactlyElementsOf(contents.guides().stream().map(Guide::code).toList());
	}

	@Test
	void onlyADomainOrDepartmentTakesAnId() {
		assertThatIllegalArgumentException().isThrownBy(() -> CompendiumSelection.domain(null));
		assertThatIllegalArgumentException()
				.isThrownBy(() -> new CompendiumSelection(CompendiumSelection.Scope.WHOLE, "household-registration"));
	}
}
