package cn.onething.document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import cn.onething.bundle.BundleSnapshot;
import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.document.internal.CompendiumStore;
import cn.onething.outbox.MigratedDatabase;
import io.r2dbc.pool.ConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The facade renders off the caller's thread and keeps each catalogue version's book for reprints, in memory and in
 * the database every replica shares.
 */
class DocumentsTests {

	static final CompendiumSelection HOUSEHOLD = CompendiumSelection.domain("household-registration");
	static final ConnectionPool POOL = MigratedDatabase.create().pool(4);

	final Catalog catalog = mock(Catalog.class);
	final Bundles bundles = mock(Bundles.class);
	final DatabaseClient db = DatabaseClient.create(POOL);
	final List<Documents> replicas = new ArrayList<>();
	final Documents documents = replica(Clock.systemUTC());

	@BeforeEach
	void noBundlesYet() {
		when(bundles.current()).thenReturn(BundleSnapshot.empty());
	}

	@AfterEach
	void shutDown() {
		replicas.forEach(Documents::destroy);
		db.sql("delete from document_compendium").then().block();
	}

	@AfterAll
	static void closePool() {
		POOL.dispose();
	}

	Documents replica(Clock clock) {
		Documents replica = new Documents(catalog, bundles, CompendiumFixture.LINKS,
				new CompendiumStore(db, JsonMapper.builder().build()), Optional.of(clock));
		replicas.add(replica);
		return replica;
	}

	@Test
	void theCompendiumIsPrintedOffTheCallersThread() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());
		String caller = Thread.currentThread().getName();

		StepVerifier.create(documents.compendium(HOUSEHOLD).map(compendium -> Thread.currentThread().getName()))
				.assertNext(thread -> assertThat(thread).isNotEqualTo(caller))
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
		assertThat(after.pdf()).isNotEqualTo(before.pdf());
		assertThat(after.catalogVersion()).isEqualTo(13);
	}

	@Test
	void anotherReplicaHandsOutTheBookAlreadyPrintedForThatVersionNotOneOfItsOwn() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());
		Documents nextDay = replica(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));

		Compendium printed = documents.compendium(HOUSEHOLD).block();
		Compendium fromTheOtherReplica = nextDay.compendium(HOUSEHOLD).block();

		assertThat(fromTheOtherReplica.pdf()).isEqualTo(printed.pdf());
		assertThat(fromTheOtherReplica.missingCharacters()).isEqualTo(printed.missingCharacters());
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void replicasAskingAtTheSameMomentPrintTheBookOnce() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());
		List<Documents> four = IntStream.range(0, 4)
				.mapToObj(i -> replica(Clock.offset(Clock.systemUTC(), Duration.ofDays(i)))).toList();

		List<Compendium> books = Flux.fromIterable(four).flatMap(replica -> replica.compendium(HOUSEHOLD)).collectList().block();

		assertThat(books).hasSize(4).extracting(book -> new PrintedCompendium(book.pdf()).text(1))
				.as("one cover, one date of printing").containsOnly(new PrintedCompendium(books.get(0).pdf()).text(1));
	}

	@Test
	void aReplicaThatDiedWhilePrintingHoldsNobodyUpOnceItsLeaseHasRunOut() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());
		db.sql("""
				insert into document_compendium (catalog_version, bundles_version, selection, rendering_by, lease_until)
				values (12, 0, 'DOMAIN:household-registration', 'a dead replica', now() - interval '1 second')
				""").then().block();

		assertThat(documents.compendium(HOUSEHOLD).block().catalogVersion()).isEqualTo(12);
	}

	@Test
	void booksOfOlderCatalogueVersionsAreForgottenWhenANewOneIsPrinted() {
		CatalogSnapshot shipped = CompendiumFixture.shipped();
		when(catalog.current()).thenReturn(shipped, CompendiumFixture.snapshot(13, shipped.domains(), CompendiumFixture.guides()));

		documents.compendium(HOUSEHOLD).block();
		documents.compendium(HOUSEHOLD).block();

		assertThat(db.sql("select catalog_version from document_compendium").map(row -> row.get(0, Long.class)).all()
				.collectList().block()).containsExactly(13L);
	}

	@Test
	void anUnknownDomainOrDepartmentGivesNoBook() {
		when(catalog.current()).thenReturn(CompendiumFixture.shipped());

		StepVerifier.create(Mono.zip(documents.compendium(CompendiumSelection.domain("nowhere")).hasElement(),
				documents.compendium(CompendiumSelection.department("nobody")).hasElement()).map(t -> List.of(t.getT1(), t.getT2())))
				.assertNext(found -> assertThat(found).containsExactly(false, false))
				.verifyComplete();
	}

	private long count() {
		return db.sql("select count(*) from document_compendium").map(row -> row.get(0, Long.class)).one().block();
	}
}
