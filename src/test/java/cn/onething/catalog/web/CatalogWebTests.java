package cn.onething.catalog.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.xml.parsers.DocumentBuilderFactory;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import cn.onething.system.ApiDocument;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The applicant pages, the JSON API and the open data, served by a running server from the shipped guides/. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-token=test-token", "onething.catalog.public-base-url=https://zwfw.example.cn",
				"management.server.port=0" })
class CatalogWebTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Catalog catalog;

	WebTestClient web;

	CatalogSnapshot current;

	@BeforeEach
	void loadedCatalogue() {
		catalog.importGuides("test").block();
		current = catalog.current();
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void theHomePageLinksEveryDomainWithItsItemCount() {
		String home = page("/");

		assertThat(current.domains()).hasSize(26);
		for (var domain : current.domains()) {
			assertThat(home).contains("href=\"/domains/" + domain.id() + "\"", domain.name(),
					current.guidesOf(domain.id()).size() + " 项");
		}
	}

	@Test
	void everyGuidePageShowsEveryElementOfItsGuide() {
		for (Guide guide : current.guides()) {
			String page = page("/g/" + guide.code());
			assertThat(page).as(guide.code()).contains(escape(guide.name()), guide.code(), guide.implementationCode(),
					escape(guide.department().name()), guide.type().label(), guide.timeLimit().statutory() + " 个工作日",
					escape(guide.contact()), escape(guide.complaint()), escape(guide.windows().get(0).address()),
					escape(guide.legalBasis().get(0).law()), escape(guide.process().get(0).name()));
			for (Material material : guide.materials()) {
				assertThat(page).as(guide.code()).contains(escape(material.name()));
			}
			guide.faq().forEach(faq -> assertThat(page).contains(escape(faq.q())));
		}
	}

	@Test
	void aDomainPageListsItsGuides() {
		var domain = current.domains().get(0);
		String page = page("/domains/" + domain.id());

		current.guidesOf(domain.id()).forEach(g -> assertThat(page).contains("/g/" + g.code(), escape(g.name())));
	}

	@Test
	void searchingTheAliasDibaoFindsMinimumLivingSecurity() {
		String page = page("/search?q=低保");

		assertThat(page).contains("最低生活保障", "匹配");
		assertThat(apiSearch("低保")).anyMatch(name -> name.contains("最低生活保障"));
	}

	@Test
	void searchingChushengFindsEveryBirthRelatedItem() {
		List<String> birthRelated = current.guides().stream()
				.filter(g -> (g.name() + g.aliases() + g.materials().stream().map(Material::name).toList()).contains("出生"))
				.map(Guide::name).toList();

		assertThat(birthRelated).hasSizeGreaterThanOrEqualTo(5);
		assertThat(apiSearch("出生")).containsAll(birthRelated);
	}

	@Test
	void aPhoneThatHasTheCurrentPageIsAnswered304WithoutABody() {
		Guide guide = current.guides().get(0);
		for (String page : List.of("/", "/domains/" + guide.domainId(), "/g/" + guide.code())) {
			String etag = web.get().uri(page).exchange().expectStatus().isOk()
					.expectHeader().cacheControl(CacheControl.noCache())
					.expectBody(String.class).returnResult().getResponseHeaders().getETag();
			assertThat(etag).as(page).startsWith("W/\"");

			web.get().uri(page).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
					.expectStatus().isNotModified().expectBody().isEmpty();
			web.get().uri(page).header(HttpHeaders.IF_NONE_MATCH, "W/\"0-an-old-release\"").exchange()
					.expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).contains("</html>"));
		}
	}

	@Test
	void anUnknownGuideGetsAFriendlyChinesePageNotAStackTrace() {
		String body = web.get().uri("/g/000000000000").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
				.expectBody(String.class).returnResult().getResponseBody();

		assertThat(body).contains("没有找到这个页面", "返回首页").doesNotContain("Exception", "at cn.");
	}

	@Test
	void theQrCodeOfAGuideDecodesToItsShortAddress() {
		Guide guide = current.guides().get(0);
		byte[] png = web.get().uri("/g/" + guide.code() + "/qr.png").exchange().expectStatus().isOk()
				.expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();

		assertThat(QrImages.decode(png)).isEqualTo("https://zwfw.example.cn/g/" + guide.code());
	}

	@Test
	void theSvgQrCodeIsWellFormedSvg() throws Exception {
		String svg = web.get().uri("/g/" + current.guides().get(0).code() + "/qr.svg").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();

		var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
				.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
	}

	@Test
	void theApiServesAGuideWithItsVersionAndAddresses() {
		Guide guide = current.guides().get(0);
		web.get().uri("/api/items/" + guide.code()).exchange().expectStatus().isOk()
				.expectBody()
				.jsonPath("$.code").isEqualTo(guide.code())
				.jsonPath("$.version").isEqualTo(1)
				.jsonPath("$.url").isEqualTo("https://zwfw.example.cn/g/" + guide.code())
				.jsonPath("$.guide.name").isEqualTo(guide.name())
				.jsonPath("$.guide.type").isEqualTo(guide.type().label())
				.jsonPath("$.guide.materials.length()").isEqualTo(guide.materials().size());
		web.get().uri("/api/items/" + guide.code() + "/versions").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$[0].version").isEqualTo(1);
		web.get().uri("/api/domains").exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(26);
	}

	@Test
	void anUnknownItemInTheApiIsAProblemDocument() {
		web.get().uri("/api/items/123").exchange().expectStatus().isNotFound()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.status").isEqualTo(404);
	}

	@Test
	void theDisclosureCatalogueDownloadsAsCsvThatExcelReads() {
		byte[] csv = web.get().uri("/api/disclosure-catalog.csv").exchange().expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith("text/csv")
				.expectBody(byte[].class).returnResult().getResponseBody();
		String text = new String(csv, StandardCharsets.UTF_8);

		assertThat(text).startsWith("\uFEFF序号,领域,事项编码,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道：政府网站");
		assertThat(text.split("\r\n")).hasSize(current.guides().size() + 1);
		web.get().uri("/api/disclosure-catalog").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.length()").isEqualTo(current.guides().size());
	}

	@Test
	void theShippedCatalogueHasAnOpenDataPackageWithEveryDisclosureItem() {
		Map<?, ?> index = web.get().uri("/api/open-data").exchange().expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> latest = (Map<?, ?>) ((List<?>) index.get("versions")).get(0);

		assertThat(((Number) latest.get("version")).longValue()).isEqualTo(current.importId());
		assertThat(((Number) latest.get("bytes")).longValue()).as("kept per version: small").isLessThan(1024 * 1024);
		web.get().uri("/api/search?q=审核确认结果").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.disclosureItems.length()").isEqualTo(2)
				.jsonPath("$.disclosureItems[*].secondLevel").value(names -> assertThat(((List<?>) names).stream().map(String::valueOf).toList())
						.containsExactlyInAnyOrder("最低生活保障", "特困人员救助供养"));
	}

	@Test
	void theOpenApiDocumentDescribesTheCatalogueEndpoints() {
		ApiDocument.of(web)
				.jsonPath("$.paths['/api/items/{code}']").exists()
				.jsonPath("$.paths['/api/disclosure-catalog.csv']").exists();
	}

	@Test
	void theOpenApiDocumentIsBuiltOffTheEventLoops() {
		ApiDocument.of(web);

		assertThat(BuildingThread.seen).as("threads that built the OpenAPI document").isNotEmpty()
				.allSatisfy(thread -> assertThat(thread).startsWith("api-document"));
	}

	/** Records where springdoc builds the document: its customizers run inside the build. */
	@TestConfiguration
	static class BuildingThread {

		static final List<String> seen = new CopyOnWriteArrayList<>();

		@Bean
		OpenApiCustomizer recordBuildingThread() {
			return openApi -> seen.add(Thread.currentThread().getName());
		}
	}

	@Test
	void anImportOnDemandNeedsTheToken() {
		web.post().uri("/api/catalog/imports").exchange().expectStatus().isForbidden();
		web.post().uri("/api/catalog/imports").header("Authorization", "Bearer wrong").exchange().expectStatus().isForbidden();
		web.post().uri("/api/catalog/imports").header("Authorization", "Bearer test-token").exchange()
				.expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("UNCHANGED");
	}

	@Test
	void operatorsGetReadinessAndPrometheusMetricsOnTheManagementPortOnly() {
		WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.status").isEqualTo("UP");
		web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		web.get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
		String metrics = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).contains("jvm_memory_used_bytes", "http_server_requests");
	}

	private String page(String uri) {
		return web.get().uri(uri).exchange().expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class).returnResult().getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<String> apiSearch(String query) {
		Map<String, Object> answer = web.get().uri(b -> b.path("/api/search").queryParam("q", query).build()).exchange()
				.expectStatus().isEqualTo(HttpStatus.OK).expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) answer.get("hits")).stream().map(h -> (String) h.get("name")).toList();
	}

	/** Thymeleaf escapes text for HTML; content with quotes or ampersands appears escaped in the page. */
	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
	}
}
