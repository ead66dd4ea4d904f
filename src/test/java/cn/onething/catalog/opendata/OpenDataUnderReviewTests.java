package cn.onething.catalog.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogDraft;
import cn.onething.catalog.FixedDay;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With review before publication: a draft has no open-data package (it is not published), and the package of the
 * version its approval publishes names the approver and the time of approval in its manifest.
 */
@Import(FixedDay.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"onething.catalog.import-on-startup=false", "onething.catalog.review-before-publication=true" })
class OpenDataUnderReviewTests {

	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
	}

	@Autowired
	Catalog catalog;

	@Autowired
	OpenDataPackages packages;

	@Autowired
	JsonMapper json;

	@Test
	void onlyTheApprovedVersionHasAPackageAndItsManifestNamesTheApprover() throws IOException {
		GuideFolderFixture.replaceContentsOf(GUIDES);
		catalog.importGuides("test").block();
		CatalogDraft draft = catalog.drafts().blockFirst();

		assertThat(packages.latestVersion().blockOptional()).as("a draft is not published").isEmpty();
		assertThat(packages.packages().collectList().block()).isEmpty();

		CatalogDraft approved = catalog.approve(draft.id(), "reviewer-zhang").block();

		assertThat(packages.latestVersion().block()).isEqualTo(approved.importId());
		JsonNode manifest = manifest(packages.archive(approved.importId()).block().zip());
		assertThat(manifest.path("version").asLong()).isEqualTo(approved.importId());
		assertThat(manifest.path("approvedBy").asString()).isEqualTo("reviewer-zhang");
		assertThat(manifest.path("approvedAt").asString()).isNotBlank();
		assertThat(manifest.path("source").asString()).contains("经上级审核（reviewer-zhang）批准发布");
	}

	private JsonNode manifest(byte[] archive) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
			ZipEntry first = zip.getNextEntry();
			assertThat(first.getName()).isEqualTo("manifest.json");
			return json.readTree(zip.readAllBytes());
		}
	}
}
