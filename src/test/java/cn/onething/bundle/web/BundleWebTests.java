package cn.onething.bundle.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleSnapshot;
import cn.onething.bundle.Bundles;
import cn.onething.bundle.FormField;
import cn.onething.bundle.MergedMaterial;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.ImportResult;
import cn.onething.system.ApiDocument;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle pages and API, served by a running server with its own database from the shipped guides/. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onething.catalog.public-base-url=https://zwfw.example.cn")
class BundleWebTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	WebTestClient web;

	Bundle newborn;

	/** Only the catalogue is imported here: the bundles follow it through the CatalogLoaded event. */
	@BeforeEach
	void importedCatalogueAndTheBundlesThatFollowIt() {
		catalog.importGuides("test").block();
		BundleSnapshot loaded = Flux.interval(Duration.ofMillis(50)).map(tick -> bundles.current())
				.filter(snapshot -> snapshot.bundle("newborn").isPresent()).blockFirst(Duration.ofSeconds(30));
		newborn = loaded.bundle("newborn").orElseThrow();
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void loadingTheCatalogueImportsEveryShippedBundleWithoutBeingAsked() {
		assertThat(bundles.current().importId()).isPositive();
		assertThat(bundles.current().bundles()).extracting(Bundle::id).contains("newborn", "retirement", "restaurant",
				"enterprise-change", "secondhand-house", "posthumous");
		assertThat(newborn.items()).allSatisfy(item -> assertThat(item.guideVersion()).isEqualTo(1));
	}

	@Test
	void anUnchangedFolderImportsNothingAndKeepsTheVersions() {
		ImportResult again = bundles.importBundles("test again").block();

		assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.UNCHANGED);
		assertThat(newborn.version()).isEqualTo(1);
		assertThat(bundles.version("newborn", 1).block().bundle()).isEqualTo(newborn);
	}

	@Test
	void theListLinksEveryBundle() {
		String page = page("/bundles");

		for (Bundle bundle : bundles.current().bundles()) {
			assertThat(page).contains("href=\"/bundles/" + bundle.id() + "\"", bundle.name());
		}
	}

	@Test
	void theBundlePageLinksItsItemsListsEachDocumentOnceAndShowsTheStepsInOrder() {
		String page = page("/bundles/newborn");

		newborn.items().forEach(item -> assertThat(page).contains("href=\"/g/" + item.code() + "\"", item.name()));
		for (MergedMaterial material : newborn.materials()) {
			assertThat(page).contains("id=\"material-" + material.key() + "\"");
		}
		assertThat(page.substring(page.indexOf("不用提交的材料"))).contains("出生医学证明", "新生儿的居民户口簿",
				"由本件事自动共享，无需提交", "（签发出生医学证明通过后产生）");
		assertThat(page).contains("第 1 步", "第 2 步", "第 3 步", "2 项同时办理", "在“签发出生医学证明”办结后开始",
				"承诺 15 个工作日", "扶绥县卫生健康局", "href=\"/bundles/newborn/form\"");
		String plan = page.substring(page.indexOf("id=\"plan\""));
		assertThat(plan.indexOf("签发出生医学证明")).isLessThan(plan.indexOf("出生登记（落户）"));
		assertThat(plan.indexOf("出生登记（落户）")).isLessThan(plan.indexOf("居民医保参保登记"));
	}

	@Test
	void theFormPageAsksEachFieldOnceWithHtmlChecksAndPostsToTheApplications() {
		String page = page("/bundles/newborn/form");

		assertThat(page).contains("action=\"/bundles/newborn/applications\"", "method=\"post\"");
		for (FormField field : newborn.form().fields()) {
			assertThat(count(page, "name=\"" + field.key() + "\"")).as(field.key())
					.isEqualTo(switch (field.rule().type()) {
						case CHOICE -> field.rule().options().size();
						case BOOLEAN -> 2;
						default -> 1;
					});
		}
		assertThat(page).contains("type=\"date\"", "type=\"tel\"", "pattern=\"1[3-9]\\d{9}\"", "pattern=\"\\d{17}[\\dXx]\"",
				"required", "仅当“社会保障卡领取方式”选“邮寄到家”时填写", "仅当“父母是否已登记结婚”选“是”时填写");
		assertThat(count(page, "<script")).as("the 长辈版 switch, the checks of files before sending, and the form's own "
				+ "checks that read their rules from the form schema (the form works without them)").isEqualTo(3);
		assertThat(page).contains("<script src=\"/static/js/elder.js", "data-schema=\"/api/bundles/newborn/form-schema\"")
				.containsPattern("<script src=\"/static/js/form\\.js\\?v=[0-9a-f]+\" defer></script>")
				.containsPattern("<script src=\"/static/js/upload\\.js\\?v=[0-9a-f]+\" defer></script>");
		assertThat(page).contains("“申请人与新生儿的关系”选“父亲”时不用填写，使用“父亲姓名”的答案");
		assertThat(page).containsPattern("<input type=\"text\" id=\"delivery.address\" name=\"delivery.address\" maxlength=\"100\">");
	}

	@Test
	void anUnknownBundleGetsAFriendlyPageAndAProblemDocument() {
		String body = web.get().uri("/bundles/no-such-thing").accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("没有找到这个页面").doesNotContain("Exception");

		web.get().uri("/api/bundles/no-such-thing").exchange().expectStatus().isNotFound()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void theApiListsTheBundlesAndServesOneWholeWithItsVersions() {
		web.get().uri("/api/bundles").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.length()").isEqualTo(bundles.current().bundles().size())
				.jsonPath("$[?(@.id == 'newborn')].url").isEqualTo(List.of("https://zwfw.example.cn/bundles/newborn"));
		web.get().uri("/api/bundles/newborn").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.id").isEqualTo("newborn")
				.jsonPath("$.version").isEqualTo(1)
				.jsonPath("$.committedLimit").isEqualTo(15)
				.jsonPath("$.partialOutcomes").isEqualTo(true)
				.jsonPath("$.items.length()").isEqualTo(5)
				.jsonPath("$.plan.steps[1].dependsOn[0]").isEqualTo("certificate")
				.jsonPath("$.form.fields[0].rule.type").isEqualTo("text")
				.jsonPath("$.materials[0].key").isEqualTo("parents-id")
				.jsonPath("$.materials[0].items.length()").isEqualTo(5);
		web.get().uri("/api/bundles/newborn/versions/1").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.name").isEqualTo("新生儿出生一件事");
		web.get().uri("/api/bundles/newborn/versions/9").exchange().expectStatus().isNotFound();
	}

	@Test
	void theFormSchemaIsServedAsJsonSchema() {
		Map<String, Object> schema = web.get().uri("/api/bundles/newborn/form-schema").exchange().expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith("application/schema+json")
				.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
				.returnResult().getResponseBody();

		assertThat(schema).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
				.containsEntry("$id", "https://zwfw.example.cn/api/bundles/newborn/form-schema");
		assertThat(schema.get("properties")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsKeys("child.birthDate", "applicant.idNumber", "delivery.address");
		assertThat((List<?>) schema.get("allOf")).as("father's name and ID if married, the applicant's unless a parent applies, "
				+ "delivery address if posted").hasSize(5);
	}

	@Test
	void theOpenApiDocumentDescribesTheBundleEndpoints() {
		ApiDocument.of(web)
				.jsonPath("$.paths['/api/bundles/{id}/form-schema']").exists();
	}

	private String page(String uri) {
		return web.get().uri(uri).exchange().expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.expectBody(String.class).returnResult().getResponseBody();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}
}
