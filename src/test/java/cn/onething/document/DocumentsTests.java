package cn.onething.document;

import java.util.List;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The facade renders off the caller's thread and keeps each catalogue version's book for reprints. */
class DocumentsTests {

	static final CompendiumSelection HOUSEHOLD = CompendiumSelection.domain("household-registration");

	final Catalog catalog = mock(Catalog.class);
	final Documents documents = new Documents(catalog, CompendiumFixture.LINKS);

	@AfterEach
	void shutDown() {
		documents.destroy();
	}

	@Test
	void theCompendiumIsRenderedOnTheDocumentsSchedulerNotOnTheCallersThread() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());

		StepVerifier.create(documents.compendium(HOUSEHOLD).map(compendium -> Thread.currentThread().getName()))
				.assertNext(thread -> assertThat(thread).startsWith("documents"))
				.verifyComplete();
	}

	@Test
	void aReprintOfTheSameCatalogueVersionIsTheBookAlreadyRendered() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());

		Compendium first = documents.compendium(HOUSEHOLD).block();
		Compendium reprint = documents.compendium(HOUSEHOLD).block();

		assertThat(reprint).isSameAs(first);
		assertThat(first.catalogVersion()).isEqualTo(12);
	}

	@Test
	void aNewCatalogueVersionIsRenderedAfresh() {
		CatalogSnapshot shipped = CompendiumFixture.shipped();
		CatalogSnapshot next = CompendiumFixture.snapshot(13, shipped.domains(), CompendiumFixture.guides());
		when(catalog.current()).thenReturn(shipped, next);

		Compendium before = documents.compendium(HOUSEHOLD).block();
		Compendium after = documents.compendium(HOUSEHOLD).block();

		assertThat(after).isNotSameAs(before);
		assertThat(after.catalogVersion()).isEqualTo(13);
	}

	@Test
	void anUnknownDomainOrDepartmentGivesNoBook() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());

		StepVerifier.create(Mono.zip(documents.compendium(CompendiumSelection.domain("nowhere")).hasElement(),
				documents.compendium(CompendiumSelection.department("nobody")).hasElement()).map(t -> List.of(t.getT1(), t.getT2())))
				.assertNext(found -> assertThat(found).containsExactly(false, false))
				.verifyComplete();
	}
}
