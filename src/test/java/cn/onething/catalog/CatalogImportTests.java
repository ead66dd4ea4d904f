package cn.onething.catalog;

import java.nio.file.Path;

import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.internal.CatalogImporter;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import static cn.onething.catalog.GuideFolderFixture.BIRTH;
import static cn.onething.catalog.GuideFolderFixture.MINIMUM_LIVING;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "onething.catalog.import-on-startup=false")
class CatalogImportTests {

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
				.map(both -> java.util.List.of(both.getT1().outcome(), both.getT2().outcome())).block();

		assertThat(outcomes).containsExactlyInAnyOrder(ImportResult.Outcome.IMPORTED, ImportResult.Outcome.UNCHANGED);
		assertThat(count("catalog_guide_version")).isEqualTo(2);
	}

	private ImportResult importNow() {
		return catalog.importGuides("test").block();
	}

	private long count(String table) {
		return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one().block();
	}
}
