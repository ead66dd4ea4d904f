package cn.onething.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.ImportResult;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

import static cn.onething.document.PrintedCompendium.compact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundle's book is kept per catalogue version and per bundle version: the service imports a copy of the shipped
 * guides/ folder into a database of its own, an editor changes a bundle file or a guide of one of its items, and the
 * next download is the book of the new version, not the one printed before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "onething.catalog.import-on-startup=false")
class CompendiumVersionsTests {

	static final CompendiumSelection NEWBORN = CompendiumSelection.bundle("newborn");
	static final Path NEWBORN_FILE = Path.of("bundles/newborn.yaml");
	static final Path BIRTH_REGISTRATION_FILE = Path.of("household-registration/birth-registration.yaml");

	@TempDir
	static Path guides;

	@DynamicPropertySource
	static void databaseAndGuides(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", () -> guides.toString());
	}

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	@Autowired
	Documents documents;

	@Autowired
	DatabaseClient db;

	/** The shipped folder as it is, imported; the bundles follow the catalogue by themselves. */
	@BeforeEach
	void theShippedGuidesImported() {
		copy(Path.of("guides"), guides);
		catalog.importGuides("test").block();
		bundlesCheckedAgainstTheCurrentCatalogue();
	}

	@Test
	void aBundlesBookIsPrintedAnewWhenTheBundlesAreImportedAgain() {
		Compendium before = documents.compendium(NEWBORN).block();
		edit(NEWBORN_FILE, "孩子在本县助产医疗机构出生后", "宝宝在本县助产医疗机构出生后");

		ImportResult reimport = bundles.importBundles("test").block();
		Compendium after = documents.compendium(NEWBORN).block();

		assertThat(reimport.outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
		assertThat(after.catalogVersion()).isEqualTo(before.catalogVersion());
		assertThat(after.bundlesVersion()).isEqualTo(reimport.importId()).isGreaterThan(before.bundlesVersion());
		assertThat(textOf(before)).contains("孩子在本县助产医疗机构出生后");
		assertThat(textOf(after)).contains("宝宝在本县助产医疗机构出生后").doesNotContain("孩子在本县助产医疗机构出生后");
		assertThat(storedVersions()).as("the older book is forgotten")
				.containsExactly(List.of(after.catalogVersion(), after.bundlesVersion()));
	}

	@Test
	void aBundlesBookIsPrintedAnewWhenAGuideOfItsItemsIsImportedAgain() {
		Compendium before = documents.compendium(NEWBORN).block();
		edit(BIRTH_REGISTRATION_FILE, "name: 出生登记", "name: 出生登记（新生儿入户）");

		ImportResult reimport = catalog.importGuides("test").block();
		bundlesCheckedAgainstTheCurrentCatalogue();
		Compendium after = documents.compendium(NEWBORN).block();

		assertThat(reimport.outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
		assertThat(after.catalogVersion()).isEqualTo(reimport.importId()).isGreaterThan(before.catalogVersion());
		assertThat(textOf(before)).doesNotContain("出生登记（新生儿入户）");
		assertThat(textOf(after)).contains("出生登记（新生儿入户）");
	}

	/** The bundles re-imported after the catalogue's CatalogLoaded event name the current guide versions. */
	private void bundlesCheckedAgainstTheCurrentCatalogue() {
		Flux.interval(Duration.ofMillis(50))
				.filter(tick -> bundles.current().bundle("newborn")
						.filter(newborn -> newborn.items().stream().allMatch(item ->
								item.guideVersion() == catalog.current().versionOf(item.code())))
						.isPresent())
				.blockFirst(Duration.ofSeconds(30));
	}

	private static String textOf(Compendium compendium) {
		try (PrintedCompendium printed = new PrintedCompendium(compendium.pdf())) {
			return compact(printed.compactText(1, printed.pageCount()));
		}
	}

	private List<List<Long>> storedVersions() {
		return db.sql("select catalog_version, bundles_version from document_compendium where pdf is not null")
				.map(row -> List.of(row.get("catalog_version", Long.class), row.get("bundles_version", Long.class)))
				.all().collectList().block();
	}

	private static void edit(Path file, String text, String replacement) {
		try {
			String content = Files.readString(guides.resolve(file));
			assertThat(content).as(file.toString()).contains(text);
			Files.writeString(guides.resolve(file), content.replace(text, replacement));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = to.resolve(from.relativize(file));
				Files.createDirectories(target.getParent());
				Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
