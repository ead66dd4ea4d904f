package cn.onething.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.internal.CatalogImporter;
import cn.onething.catalog.mistakes.Mistake;
import cn.onething.catalog.mistakes.Mistakes;
import cn.onething.catalog.model.Guide;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import static cn.onething.catalog.GuideFolderFixture.BIRTH;
import static cn.onething.catalog.GuideFolderFixture.MINIMUM_LIVING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports of a guides folder on PostgreSQL: versions, withdrawals, two replicas at once, and folders with a mistake,
 * which import nothing while the last good catalogue keeps serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "onething.catalog.import-on-startup=false")
class CatalogImportTests {

	static final long MISTAKES_SEED = 2024;

	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
	}

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogImporter importer;

	@Autowired
	DatabaseClient db;

	GuideFolderFixture guides;

	@BeforeEach
	void emptyCatalogueAndFreshFolder() {
		db.sql("truncate catalog_guide_version, catalog_item, catalog_import").then().block();
		guides = GuideFolderFixture.replaceContentsOf(GUIDES);
	}

	@Test
	void theFirstImportStoresEveryGuideAsVersionOne() {
		ImportResult result = importNow();

		assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
		assertThat(result.added()).isEqualTo(2);
		assertThat(count("catalog_guide_version")).isEqualTo(2);
		assertThat(catalog.current().guides()).extracting(g -> g.name()).containsExactlyInAnyOrder("出生登记", "最低生活保障审核确认");
		assertThat(catalog.current().versionOf("000707001000")).isEqualTo(1);
	}

	@Test
	void importingAnUnchangedFolderAgainChangesNothing() {
		importNow();
		long importsBefore = count("catalog_import");

		ImportResult again = importNow();

		assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.UNCHANGED);
		assertThat(count("catalog_import")).isEqualTo(importsBefore);
		assertThat(count("catalog_guide_version")).isEqualTo(2);
	}

	@Test
	void aChangedGuideBecomesANewVersionAndTheOldVersionStaysReadable() {
		importNow();
		guides.replace(BIRTH, "committed: 1", "committed: 2");

		ImportResult result = importNow();

		assertThat(result.changed()).isEqualTo(1);
		assertThat(result.added()).isZero();
		assertThat(catalog.current().versionOf("000707001000")).isEqualTo(2);
		assertThat(catalog.current().guide("000707001000").orElseThrow().timeLimit().committed()).isEqualTo(2);
		assertThat(catalog.version("000707001000", 1).block().guide().timeLimit().committed()).isEqualTo(1);
		assertThat(catalog.versions("000707001000").map(GuideVersion::version).collectList().block()).containsExactly(2, 1);
		assertThat(catalog.current().versionOf("000540401000")).isEqualTo(1);
	}

	@Test
	void aFolderWithOneBadFileImportsNothingAndTheLastGoodCatalogueStaysOnline() {
		importNow();
		guides.replace(BIRTH, "committed: 1", "committed: 2")
				.replace(MINIMUM_LIVING, "visits: 1", "visits: 9");

		ImportResult result = importNow();

		assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.REJECTED);
		assertThat(result.problems()).extracting(Object::toString).singleElement().asString().contains("visits");
		assertThat(count("catalog_guide_version")).isEqualTo(2);
		assertThat(count("catalog_import")).isEqualTo(1);
		assertThat(catalog.current().guide("000707001000").orElseThrow().timeLimit().committed()).isEqualTo(1);
	}

	/** One mistake of each kind the generator makes, made on a copy of the fixture outside the imported folder. */
	static Stream<Mistake> oneMistakeOfEachKind() {
		return new Mistakes(MISTAKES_SEED, GuideFolderFixture.copyInto(GuideFolderFixture.temporaryFolder("valid")))
				.oneOfEachKind().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oneMistakeOfEachKind")
	void anyMistakeImportsNothingAndTheLastGoodCatalogueKeepsServing(Mistake mistake) {
		importNow();
		Served before = served();
		List<String> storedBefore = stored();

		mistake.applyTo(guides);
		ImportResult result = importNow();

		assertThat(result.outcome()).as("seed %d: %s", MISTAKES_SEED, mistake).isEqualTo(ImportResult.Outcome.REJECTED);
		assertThat(mistake.isReportedIn(result.problems())).as("seed %d: %s; reported %s", MISTAKES_SEED, mistake,
				result.problems()).isTrue();
		assertThat(served()).as("what pages serve after %s", mistake).isEqualTo(before);
		assertThat(stored()).as("what the database holds after %s", mistake).isEqualTo(storedBefore);
		catalog.reload().block();
		assertThat(served()).as("the catalogue read back from the database after %s", mistake).isEqualTo(before);
	}

	@Test
	void aRemovedFileWithdrawsTheItemButKeepsItsVersionsAndPuttingItBackRestoresIt() {
		importNow();
		String content = guides.read(MINIMUM_LIVING);
		guides.delete(MINIMUM_LIVING);

		ImportResult withdrawal = importNow();

		assertThat(withdrawal.withdrawn()).isEqualTo(1);
		assertThat(catalog.current().guide("000540401000")).isEmpty();
		assertThat(catalog.version("000540401000", 1).block()).isNotNull();

		guides.write(MINIMUM_LIVING, content);
		ImportResult restore = importNow();

		assertThat(restore.added()).isEqualTo(1);
		assertThat(catalog.current().guide("000540401000")).isPresent();
		assertThat(catalog.current().versionOf("000540401000")).isEqualTo(1);
	}

	@Test
	void twoReplicasImportingTheSameChangeAtOnceWriteItOnce() {
		var folder = GuideFolderReader.read(GUIDES);

		var outcomes = Mono.zip(importer.importFolder(folder, "replica-a"), importer.importFolder(folder, "replica-b"))
				.map(both -> List.of(both.getT1().outcome(), both.getT2().outcome())).block();

		assertThat(outcomes).containsExactlyInAnyOrder(ImportResult.Outcome.IMPORTED, ImportResult.Outcome.UNCHANGED);
		assertThat(count("catalog_guide_version")).isEqualTo(2);
	}

	private ImportResult importNow() {
		return catalog.importGuides("test").block();
	}

	/** What pages and the API serve: the catalogue version, each guide's version number, and the guides. */
	record Served(long version, Map<String, Integer> versions, List<Guide> guides) {
	}

	private Served served() {
		CatalogSnapshot current = catalog.current();
		return new Served(current.importId(),
				current.guides().stream().collect(Collectors.toMap(Guide::code, g -> current.versionOf(g.code()))),
				current.guides());
	}

	/** Every row of the catalogue tables. */
	private List<String> stored() {
		return Stream.of("select 'import ' || id || ' ' || catalog_hash from catalog_import order by id",
				"select 'item ' || code || ' ' || current_version || ' ' || withdrawn from catalog_item order by code",
				"select 'version ' || code || ' ' || version || ' ' || content_hash from catalog_guide_version order by code, version")
				.flatMap(sql -> db.sql(sql).map(row -> row.get(0, String.class)).all().toStream()).toList();
	}

	private long count(String table) {
		return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one().block();
	}
}
