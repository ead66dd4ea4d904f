package cn.onething.casework.web.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.web.NewbornAnswers;
import cn.onething.catalog.Catalog;
import cn.onething.system.ApiDocument;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/applications against a running server and its own database: a filed case with its receipt, every wrong
 * field in one problem document, and idempotency keys (a repeat, a reused key, two requests at once, an expired
 * key). The progress side is in {@link ApplicationProgressApiTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationsApiTests {

	static final byte[] PDF = "%PDF-1.4\n%birth certificate\n".getBytes(StandardCharsets.US_ASCII);

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

	@Autowired
	Casework casework;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonMapper json;

	WebTestClient web;

	Bundle newborn;

	@BeforeEach
	void catalogueAndBundlesLoaded() {
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
		newborn = bundles.bundle("newborn").orElseThrow();
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aCompleteApplicationIsFiledWithItsReceiptSignedLinkAndTheNoticeDeadline() {
		EntityExchangeResult<String> filed = post(UUID.randomUUID().toString(), application());

		assertThat(filed.getStatus()).isEqualTo(HttpStatus.CREATED);
		JsonNode receipt = json.readTree(filed.getResponseBody());
		String code = receipt.path("receiptCode").asString();
		assertThat(filed.getResponseHeaders().getLocation()).hasPath("/api/applications/" + code);
		StoredCase stored = casework.byReceiptCode(code).block();
		assertThat(stored.file().terms().bundleId()).isEqualTo("newborn");
		assertThat(stored.applicant().phone()).isEqualTo(NewbornAnswers.PHONE);
		assertThat(stored.form()).containsEntry("parents.married", "false").containsEntry("applicant.idNumber", NewbornAnswers.ID_NUMBER);
		assertThat(receipt.path("bundle").path("version").asInt()).isEqualTo(newborn.version());
		assertThat(receipt.path("noticeDueOn").asString()).isEqualTo(stored.file().noticeDueOn(casework.calendar()).toString());
		assertThat(receipt.path("dueOn").isNull()).as("no decision date before acceptance").isTrue();
		assertThat(receipt.path("committedWorkingDays").asInt()).isEqualTo(newborn.committedLimit());
		String progress = receipt.path("progressUrl").asString();
		assertThat(progress).startsWith("http://localhost:8080/cases/" + code + "?k=");
		web.get().uri(progress.replace("http://localhost:8080", "")).exchange().expectStatus().isOk();
		assertThat(receipt.path("receiptPdfUrl").asString()).contains("/cases/" + code + "/receipt.pdf?k=");
	}

	@Test
	void materialsSentWithTheApplicationAreFiledWithIt() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("application", application(), MediaType.APPLICATION_JSON);
		parts.part("material.parents-id", file("出生医学证明.pdf", PDF));

		String code = json.readTree(web.post().uri("/api/applications").header("Idempotency-Key", UUID.randomUUID().toString())
				.body(BodyInserters.fromMultipartData(parts.build())).exchange()
				.expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()).path("receiptCode").asString();

		String caseId = casework.byReceiptCode(code).block().file().id();
		assertThat(casework.materials(caseId).collectList().block())
				.singleElement().satisfies(material -> {
					assertThat(material.materialKey()).isEqualTo("parents-id");
					assertThat(material.contentType()).isEqualTo("application/pdf");
				});
	}

	@Test
	void everyWrongFieldAndFileIsNamedInOneProblemAndNothingIsFiled() {
		Map<String, Object> form = answers();
		form.put("applicant.idNumber", "110105194912310021");
		form.remove("applicant.phone");
		form.put("child.birthDate", "2026-02-30");
		form.put("child.sex", Map.of("value", "男"));
		form.put("child.nickname", "宝宝");
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("application", Map.of("bundle", "newborn", "form", form), MediaType.APPLICATION_JSON);
		parts.part("material.parents-id", file("证明.docx", "PK\u0003\u0004 not a pdf".getBytes(StandardCharsets.UTF_8)));
		long before = cases();

		EntityExchangeResult<String> refused = web.post().uri("/api/applications").header("Idempotency-Key", UUID.randomUUID().toString())
				.body(BodyInserters.fromMultipartData(parts.build())).exchange().expectBody(String.class).returnResult();

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(refused.getResponseBody());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-fields");
		Map<String, String> errors = new LinkedHashMap<>();
		problem.path("errors").forEach(error -> errors.put(error.path("field").asString(), error.path("message").asString()));
		assertThat(errors).containsOnlyKeys("applicant.idNumber", "applicant.phone", "child.birthDate", "child.sex",
				"child.nickname", "material.parents-id");
		assertThat(errors.get("applicant.idNumber")).contains("申请人身份证号码", "校验");
		assertThat(errors.get("applicant.phone")).contains("监护人手机号码");
		assertThat(errors.get("child.birthDate")).contains("新生儿出生日期", "有效日期");
		assertThat(errors.get("child.sex")).contains("文字、数字或 true/false");
		assertThat(errors.get("child.nickname")).contains("没有“child.nickname”这一项");
		assertThat(errors.get("material.parents-id")).contains("只能上传 PDF、JPG 或 PNG", "证明.docx");
		assertThat(problem.path("errors").findValuesAsString("label")).as("labelled as the form and its materials say")
				.contains("申请人身份证号码", "监护人手机号码").anyMatch(label -> label.startsWith("父母双方的居民身份证"));
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void theFathersNameIsRequiredWhenTheParentsAreMarriedAndNotAskedWhenTheyAreNot() {
		Map<String, Object> married = answers();
		married.put("parents.married", true);
		married.remove("father.name");
		long before = cases();

		EntityExchangeResult<String> refused = post(UUID.randomUUID().toString(), Map.of("bundle", "newborn", "form", married));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json.readTree(refused.getResponseBody()).path("errors").findValuesAsString("field")).containsExactly("father.name");
		assertThat(cases()).isEqualTo(before);

		Map<String, Object> unmarried = answers();
		unmarried.remove("father.name");
		unmarried.remove("father.idNumber");
		assertThat(post(UUID.randomUUID().toString(), Map.of("bundle", "newborn", "form", unmarried)).getStatus()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aFatherApplyingSendsHisNameAndIdNumberOnceAndTheyAreFiledAsTheApplicants() {
		Map<String, Object> form = answers();
		form.put("parents.married", true);
		form.put("applicant.relation", "父亲");
		form.put("father.name", "李强");
		form.remove("applicant.name");
		form.remove("applicant.idNumber");

		EntityExchangeResult<String> filed = post(UUID.randomUUID().toString(), Map.of("bundle", "newborn", "form", form));

		assertThat(filed.getStatus()).isEqualTo(HttpStatus.CREATED);
		StoredCase stored = casework.byReceiptCode(json.readTree(filed.getResponseBody()).path("receiptCode").asString()).block();
		assertThat(stored.applicant().name()).isEqualTo("李强");
		assertThat(stored.form()).containsEntry("applicant.name", "李强").containsEntry("applicant.idNumber", NewbornAnswers.ID_NUMBER);
	}

	@Test
	void anUnknownBundleIsAFieldProblemAndAMissingKeyIsABadRequest() {
		EntityExchangeResult<String> unknown = post(UUID.randomUUID().toString(), Map.of("bundle", "wedding", "form", Map.of()));
		EntityExchangeResult<String> keyless = post(null, application());
		EntityExchangeResult<String> longKey = post("k".repeat(101), application());

		assertThat(unknown.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json.readTree(unknown.getResponseBody()).path("errors").get(0).path("field").asString()).isEqualTo("bundle");
		assertThat(keyless.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(keyless.getResponseBody()).contains("Idempotency-Key");
		assertThat(longKey.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(longKey.getResponseBody()).contains("longer than 100");
	}

	@Test
	void theSameKeyAndBodyAgainAnswerTheFirstReceiptAndFileNothing() {
		String key = UUID.randomUUID().toString();
		EntityExchangeResult<String> first = post(key, application());
		long after = cases();
		Map<String, Object> reordered = new LinkedHashMap<>();
		List<String> keys = List.copyOf(answers().keySet());
		for (int i = keys.size() - 1; i >= 0; i--) {
			reordered.put(keys.get(i), answers().get(keys.get(i)));
		}

		EntityExchangeResult<String> again = post(key, Map.of("form", reordered, "bundle", "newborn"));

		assertThat(first.getStatus()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(json.readTree(again.getResponseBody()).path("receiptCode").asString())
				.isEqualTo(json.readTree(first.getResponseBody()).path("receiptCode").asString());
		assertThat(cases()).isEqualTo(after);
	}

	@Test
	void theSameKeyWithADifferentBodyIsRefusedWithoutNamingTheFirstCase() {
		String key = UUID.randomUUID().toString();
		String firstCode = json.readTree(post(key, application()).getResponseBody()).path("receiptCode").asString();
		long after = cases();
		Map<String, Object> changed = answers();
		changed.put("child.name", "李小宝");

		EntityExchangeResult<String> reused = post(key, Map.of("bundle", "newborn", "form", changed));

		assertThat(reused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json.readTree(reused.getResponseBody()).path("type").asString()).isEqualTo("/problems/idempotency-key-reused");
		assertThat(reused.getResponseBody()).doesNotContain(firstCode);
		assertThat(cases()).isEqualTo(after);
	}

	@Test
	void identicalRequestsArrivingTogetherFileOneCase() {
		String key = UUID.randomUUID().toString();
		String body = json.writeValueAsString(application());
		WebClient client = WebClient.create("http://localhost:" + port);
		long before = cases();

		List<Answer> answers = Flux.range(0, 6)
				.flatMap(i -> client.post().uri("/api/applications").header("Idempotency-Key", key)
						.contentType(MediaType.APPLICATION_JSON).bodyValue(body)
						.exchangeToMono(response -> response.bodyToMono(String.class)
								.map(text -> new Answer(response.statusCode().value(), json.readTree(text).path("receiptCode").asString()))), 6)
				.collectList().block(Duration.ofSeconds(60));

		assertThat(answers).extracting(Answer::status).containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
		assertThat(answers).extracting(Answer::receiptCode).containsOnly(answers.get(0).receiptCode());
		assertThat(cases()).isEqualTo(before + 1);
	}

	@Test
	void aKeyOlderThanADayIsForgottenAndFilesAgain() {
		String key = UUID.randomUUID().toString();
		String firstCode = json.readTree(post(key, application()).getResponseBody()).path("receiptCode").asString();
		db.sql("update casework_idempotency set created_at = now() - interval '25 hours' where idempotency_key = :key")
				.bind("key", key).then().block();

		EntityExchangeResult<String> later = post(key, application());

		assertThat(later.getStatus()).isEqualTo(HttpStatus.CREATED);
		assertThat(json.readTree(later.getResponseBody()).path("receiptCode").asString()).isNotEqualTo(firstCode);
	}

	@Test
	void theOpenApiDocumentDescribesTheApplicationAndStaffEndpoints() {
		JsonNode document = json.readTree(ApiDocument.text(web));

		JsonNode paths = document.path("paths");
		assertThat(paths.path("/api/applications").path("post").path("summary").asString()).startsWith("File an application");
		assertThat(paths.path("/api/applications/{receipt}").path("get").path("parameters").toString()).contains("X-Phone-Last4");
		assertThat(paths.path("/api/applications").path("post").path("parameters").toString()).contains("Idempotency-Key");
		for (String path : List.of("/api/staff/tokens", "/api/staff/queue", "/api/staff/cases/{id}",
				"/api/staff/cases/{id}/steps/{step}/approve", "/api/staff/cases/{id}/steps/{step}/refuse",
				"/api/staff/cases/{id}/steps/{step}/flags")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		assertThat(paths.path("/api/staff/queue").path("get").path("security").toString()).contains("staffToken");
		assertThat(document.path("components").path("securitySchemes").path("staffToken").path("scheme").asString()).isEqualTo("bearer");
	}

	record Answer(int status, String receiptCode) {
	}

	private EntityExchangeResult<String> post(String key, Object body) {
		WebTestClient.RequestBodySpec request = web.post().uri("/api/applications").contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request = request.header("Idempotency-Key", key);
		}
		return request.bodyValue(body).exchange().expectBody(String.class).returnResult();
	}

	private Map<String, Object> application() {
		return Map.of("bundle", "newborn", "form", answers());
	}

	/** The form's answers as a system sends them: yes/no as JSON booleans. */
	private Map<String, Object> answers() {
		Map<String, Object> answers = new LinkedHashMap<>();
		NewbornAnswers.valid(newborn).forEach((key, value) ->
				answers.put(key, value.equals("false") || value.equals("true") ? Boolean.valueOf(value) : value));
		return answers;
	}

	private long cases() {
		return db.sql("select count(*) as n from casework_application").map(row -> row.get("n", Long.class)).one().block();
	}

	private static ByteArrayResource file(String name, byte[] content) {
		return new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}
}
