package cn.onething.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.onething.catalog.mistakes.Mistake;
import cn.onething.catalog.mistakes.Mistakes;
import cn.onething.catalog.model.Guide;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder with one mistake, of each kind the generator makes, goes through the real import on PostgreSQL: it is
 * refused with the mistake named, and nothing changes, neither what pages serve nor what the database holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "onething.catalog.import-on-startup=false")
class MistakenImportTests {

	static final long SEED = 2024;
	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
	}

	@Autowired
	Catalog catalog;

	@Autowired
	DatabaseClient db;

	/** One mistake of each kind, made on a copy of the fixture outside the imported folder. */
	static Stream<Mistake> oneMistakeOfEachKind() {
		return new Mistakes(SEED, GuideFolderFixture.copyInto(GuideFolderFixture.temporaryFolder("valid"))).oneOfEachKind().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oneMistakeOfEachKind")
	void aMistakeImportsNothingAndTheLastGoodCatalogueKeepsServing(Mistake mistake) {
		// the database keeps what earlier cases imported; the folder holds the valid fixture again
		GuideFolderFixture guides = GuideFolderFixture.replaceContentsOf(GUIDES);
		assertThat(importNow().outcome()).isNotEqualTo(ImportResult.Outcome.REJECTED);
		Served before = served();
		Stored storedBefore = stored();

		mistake.applyTo(guides);
		ImportResult result = importNow();

		assertThat(result.outcome()).as("seed %d: %s", SEED, mistake).isEqualTo(ImportResult.Outcome.REJECTED);
		assertThat(mistake.isReportedIn(result.problems())).as("seed %d: %s; reported %s", SEED, mistake, result.problems()).isTrue();
		assertThat(served()).as("what pages serve after %s", mistake).isEqualTo(before);
		assertThat(stored()).as("what the database holds after %s", mistake).isEqualTo(storedBefore);
		catalog.reload().block();
		assertThat(served()).as("the catalogue read back from the database after %s", mistake).isEqualTo(before);
	}

	/** The catalogue pages and the API read: its version, and each guide with its version number and content. */
	record Served(long version, Map<String, Integer> versions, List<Guide> guides) {
	}

	/** The catalogue tables, row by row. */
	record Stored(List<String> imports, List<String> items, List<String> guideVersions) {
	}

	private Served served() {
		CatalogSnapshot current = catalog.current();
		return new Served(current.importId(),
				current.guides().stream().collect(Collectors.toMap(Guide::code, g -> current.versionOf(g.code()))),
				current.guides());
	}

	private Stored stored() {
		return new Stored(rows("select id || ' ' || catalog_hash from catalog_import order by id"),
				rows("select code || ' ' || current_version || ' ' || withdrawn from catalog_item order by code"),
				rows("select code || ' ' || version || ' ' || content_hash from catalog_guide_version order by code, version"));
	}

	private List<String> rows(String sql) {
		return db.sql(sql).map(row -> row.get(0, String.class)).all().collectList().block();
	}

	private ImportResult importNow() {
		return catalog.importGuides("test").block();
	}
}
