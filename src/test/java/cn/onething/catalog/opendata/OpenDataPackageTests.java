package cn.onething.catalog.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.ImportResult;
import cn.onething.catalog.model.Guide;
import cn.onething.system.ApiDocument;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.onething.catalog.GuideFolderFixture.BIRTH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-data package downloaded over HTTP from a running server and unzipped: its manifest's checksums, sizes and
 * row counts hold for its files, its CSV is the catalogue's; a version is the same bytes however often and wherever
 * it is built; a new publication moves "latest" and leaves the older versions downloadable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "onething.catalog.import-on-startup=false")
class OpenDataPackageTests {

	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");

	static final List<String> ENTRIES = List.of("manifest.json", "disclosure-catalog.csv", "disclosure-catalog.json",
			"guides.csv", "guides.json");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonMapper json;

	GuideFolderFixture guides;

	WebTestClient web;

	@BeforeEach
	void publishedFixtureCatalogue() {
		db.sql("truncate catalog_open_data, catalog_guide_version, catalog_item, catalog_import cascade").then().block();
		catalog.reload().block();
		guides = GuideFolderFixture.replaceContentsOf(GUIDES);
		assertThat(catalog.importGuides("test").block().outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void everyChecksumSizeAndRowCountOfTheManifestHoldsForTheFilesBesideIt() {
		long version = catalog.current().importId();
		Map<String, byte[]> files = unzip(download("/api/open-data/" + version + ".zip"));

		assertThat(files.keySet()).containsExactlyElementsOf(ENTRIES);
		JsonNode manifest = json.readTree(files.get("manifest.json"));
		assertThat(manifest.path("version").asLong()).isEqualTo(version);
		assertThat(manifest.path("publishedAt").asString()).isNotBlank();
		assertThat(manifest.path("approvedBy").isNull()).as("no review, no approver").isTrue();
		assertThat(manifest.path("licence").asString()).contains("政府信息公开条例").contains("注明来源");
		assertThat(manifest.path("source").asString()).contains("办事指南目录第" + version + "版");
		assertThat(manifest.path("files")).extracting(file -> file.path("name").asString())
				.containsExactlyElementsOf(ENTRIES.subList(1, ENTRIES.size()));
		for (JsonNode file : manifest.path("files")) {
			byte[] content = files.get(file.path("name").asString());
			assertThat(PackageBuilder.sha256(content)).as(file.path("name").asString()).isEqualTo(file.path("sha256").asString());
			assertThat((long) content.length).isEqualTo(file.path("bytes").asLong());
			assertThat(file.path("rows").asInt()).as(file.path("name").asString()).isEqualTo(rows(file.path("name").asString(), content));
			assertThat(file.path("columns").size()).isPositive();
		}
	}

	@Test
	void theCsvFilesHoldTheCatalogueRowByRowWithTheColumnsTheManifestDefines() {
		Map<String, byte[]> files = unzip(download("/api/open-data/" + catalog.current().importId() + ".zip"));
		byte[] servedCsv = web.get().uri("/api/disclosure-catalog.csv").exchange().expectStatus().isOk()
				.expectBody(byte[].class).returnResult().getResponseBody();

		assertThat(files.get("disclosure-catalog.csv")).isEqualTo(servedCsv);
		List<String[]> disclosure = csvLines(files.get("disclosure-catalog.csv"));
		JsonNode manifest = json.readTree(files.get("manifest.json"));
		assertThat(disclosure.get(0)).containsExactly(manifest.path("files").get(0).path("columns").valueStream()
				.map(column -> column.path("name").asString()).toArray(String[]::new));
		List<Guide> current = catalog.current().guides();
		assertThat(disclosure.subList(1, disclosure.size())).extracting(cells -> cells[2] + " " + cells[4])
				.containsExactlyInAnyOrderElementsOf(current.stream()
						.map(g -> g.code() + " " + g.disclosure().secondLevel()).toList());
		List<String[]> guideRows = csvLines(files.get("guides.csv"));
		assertThat(guideRows.subList(1, guideRows.size())).extracting(cells -> cells[0] + " " + cells[1])
				.containsExactlyInAnyOrderElementsOf(current.stream().map(g -> g.code() + " " + g.name()).toList());
		assertThat(json.readTree(files.get("guides.json")).valueStream().map(node -> node.path("guide").path("code").asString()))
				.containsExactlyInAnyOrderElementsOf(current.stream().map(Guide::code).toList());
	}

	@Test
	void aVersionBuiltAgainElsewhereIsTheSameBytes() {
		long version = catalog.current().importId();
		byte[] first = download("/api/open-data/" + version + ".zip");
		TimeZone zone = TimeZone.getDefault();
		try {
			// another replica, built later in another time zone: the kept package is gone, so this download rebuilds it
			TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
			db.sql("delete from catalog_open_data").then().block();

			byte[] second = download("/api/open-data/" + version + ".zip");

			assertThat(second).isEqualTo(first);
		}
		finally {
			TimeZone.setDefault(zone);
		}
		assertThat(db.sql("select count(*) as n from catalog_open_data").map(row -> row.get("n", Long.class)).one().block())
				.isEqualTo(1);
	}

	@Test
	void aNewPublicationBecomesLatestAndTheOlderVersionStaysAsItWas() {
		long first = catalog.current().importId();
		byte[] firstPackage = download(latestLocation());
		assertThat(latestLocation()).isEqualTo("/api/open-data/" + first + ".zip");

		guides.replace(BIRTH, "committed: 1", "committed: 2");
		assertThat(catalog.importGuides("test").block().outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
		long second = catalog.current().importId();

		assertThat(second).isGreaterThan(first);
		assertThat(latestLocation()).isEqualTo("/api/open-data/" + second + ".zip");
		Map<String, byte[]> newer = unzip(download("/api/open-data/" + second + ".zip"));
		assertThat(json.readTree(newer.get("manifest.json")).path("version").asLong()).isEqualTo(second);
		assertThat(csvLines(newer.get("guides.csv"))).filteredOn(cells -> cells[0].equals("000707001000"))
				.singleElement().satisfies(cells -> assertThat(cells[8]).as("承诺时限（工作日）").isEqualTo("2"));
		assertThat(download("/api/open-data/" + first + ".zip")).isEqualTo(firstPackage);
		web.get().uri("/api/open-data").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.versions[0].version").isEqualTo(second)
				.jsonPath("$.versions[1].version").isEqualTo(first)
				.jsonPath("$.versions[1].sha256").isEqualTo(PackageBuilder.sha256(firstPackage))
				.jsonPath("$.latest").value(latest -> assertThat((String) latest).endsWith("/api/open-data/latest.zip"));
	}

	@Test
	void theOpenDataPageListsEveryVersionWithItsChecksum() {
		byte[] archive = download("/api/open-data/" + catalog.current().importId() + ".zip");
		String page = web.get().uri("/open-data").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("第 " + catalog.current().importId() + " 版").contains(PackageBuilder.sha256(archive))
				.contains("/api/open-data/" + catalog.current().importId() + ".zip");
	}

	@Test
	void aMalformedVersionIsABadRequestAndAnUnknownOneNotFoundBothAsProblems() {
		for (String malformed : List.of("abc", "0", "-1", "1e3", "v1", "99999999999999999999")) {
			var answer = web.get().uri("/api/open-data/" + malformed + ".zip").exchange().expectBody(String.class).returnResult();
			assertThat(answer.getStatus().value() + " " + answer.getResponseHeaders().getContentType() + " " + answer.getResponseBody())
					.as(malformed).startsWith("400 application/problem+json").contains("version：版本号应为正整数");
		}
		web.get().uri("/api/open-data/" + (catalog.current().importId() + 1000) + ".zip").exchange().expectStatus().isNotFound()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theOpenApiDocumentDescribesTheOpenDataAddresses() {
		ApiDocument.of(web)
				.jsonPath("$.paths['/api/open-data']").exists()
				.jsonPath("$.paths['/api/open-data/{version}.zip']").exists()
				.jsonPath("$.paths['/api/open-data/latest.zip']").exists();
	}

	@Test
	void searchFindsADisclosureItemByItsOwnWordsAndSaysWhichKindEachHitIs() {
		web.get().uri("/api/search?q=救助标准").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.hits.length()").isEqualTo(0)
				.jsonPath("$.disclosureItems[0].kind").isEqualTo("disclosure")
				.jsonPath("$.disclosureItems[0].code").isEqualTo("000540401000")
				.jsonPath("$.disclosureItems[0].secondLevel").isEqualTo("最低生活保障");
		web.get().uri("/api/search?q=最低生活保障").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.hits[0].kind").isEqualTo("guide")
				.jsonPath("$.disclosureItems[0].kind").isEqualTo("disclosure");
		String page = web.get().uri("/search?q=救助标准").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("公开事项 1 项").contains("公开事项 · 社会救助").doesNotContain("没有找到相关事项");
	}

	private String latestLocation() {
		return web.get().uri("/api/open-data/latest.zip").exchange().expectStatus().isFound()
				.returnResult(Void.class).getResponseHeaders().getLocation().toString();
	}

	private byte[] download(String path) {
		return web.get().uri(path).exchange().expectStatus().isOk()
				.expectHeader().contentType("application/zip")
				.expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value).startsWith("attachment"))
				.expectBody(byte[].class).returnResult().getResponseBody();
	}

	private static Map<String, byte[]> unzip(byte[] archive) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), zip.readAllBytes());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return files;
	}

	private int rows(String name, byte[] content) {
		return name.endsWith(".csv") ? csvLines(content).size() - 1 : json.readTree(content).size();
	}

	/** The fixture's cells hold no line breaks or quotes, so a line is a row and commas split it. */
	private static List<String[]> csvLines(byte[] csv) {
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF").doesNotContain("\"");
		return Arrays.stream(text.substring(1).split("\r\n")).map(line -> line.split(",", -1)).toList();
	}
}
