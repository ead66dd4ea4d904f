package cn.onething.casework.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.casework.Casework;
import cn.onething.catalog.Catalog;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload limits against a running server, with small limits so the tests stay small: a file over 1 MB, a request
 * over 3 MB or a 61st part is refused with 413 naming the limit, a request past its limit is answered before its
 * body is all sent, a third upload while two are being read gets 503 with Retry-After while other routes answer,
 * and a sent file name is stored as a display name. No refused request leaves a case behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.casework.max-upload-size=1MB",
		"onething.casework.max-upload-request-size=3MB",
		"onething.casework.max-uploads-in-flight=2",
		"onething.casework.upload-retry-after=7s" })
class UploadLimitsTests {

	private static final int KB = 1024;
	private static final byte[] PDF_START = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);

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
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(60)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aRequestPastTheRequestLimitIsAnsweredWith413BeforeItsBodyIsAllSent() throws Exception {
		long before = cases();
		try (RawUpload upload = new RawUpload(port, "/api/applications", -1, "Idempotency-Key: " + UUID.randomUUID())) {
			upload.sendChunk(RawUpload.field("application", "application/json", applicationJson()));
			// four files of 900 KB, each under the file limit, together over the 3 MB request limit; the chunked body
			// is never ended, so only an answer given before the end can arrive
			for (int file = 0; file < 4 && !upload.answer().isDone(); file++) {
				try {
					upload.sendChunk(RawUpload.file("material.part-" + file, "scan.pdf", pdf(900 * KB)));
				}
				catch (IOException closedAfterAnswering) {
					// the answer says what happened
				}
			}

			RawUpload.Answer answer = upload.answer().get(60, TimeUnit.SECONDS);

			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			JsonNode problem = json.readTree(answer.body());
			assertThat(problem.path("type").asString()).isEqualTo("/problems/upload-too-large");
			assertThat(problem.path("limit").asString()).isEqualTo("onething.casework.max-upload-request-size");
			assertThat(problem.path("max").asLong()).isEqualTo(3L * KB * KB);
			assertThat(problem.path("detail").asString()).contains("3 MB");
		}
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aDeclaredLengthOverTheLimitIsRefusedFromItsHeadersAlone() throws Exception {
		try (RawUpload upload = new RawUpload(port, "/api/applications", 495L * KB * KB, "Idempotency-Key: " + UUID.randomUUID())) {
			RawUpload.Answer answer = upload.answer().get(60, TimeUnit.SECONDS);

			assertThat(answer.status()).isEqualTo(413);
			assertThat(json.readTree(answer.body()).path("limit").asString()).isEqualTo("onething.casework.max-upload-request-size");
		}
	}

	@Test
	void thePhoneFormDeclaringALengthOverTheLimitGetsTheChineseErrorPage() throws Exception {
		try (RawUpload upload = new RawUpload(port, "/bundles/newborn/applications", 495L * KB * KB, "Accept: text/html")) {
			RawUpload.Answer answer = upload.answer().get(60, TimeUnit.SECONDS);

			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.body()).contains("上传的文件太大", "没有保存任何内容", "返回键");
		}
	}

	@Test
	void thePhoneFormWithSixtyOnePartsIsRefusedInChineseAndFilesNothing() {
		long before = cases();
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		NewbornAnswers.valid(newborn).forEach(form::part);
		for (int note = NewbornAnswers.valid(newborn).size(); note < 61; note++) {
			form.part("note." + note, "备注");
		}

		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromMultipartData(form.build()))
				.exchange().expectStatus().isEqualTo(413).expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("申请尚未提交", "一次提交最多 60 项");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aFileOverTheFileLimitIsRefusedWith413NamingItAndNothingIsFiled() {
		long before = cases();
		MultipartBodyBuilder parts = application();
		parts.part("material.parents-id", file("出生医学证明.pdf", pdf(1100 * KB)));

		JsonNode problem = refusedByApi(parts);

		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("limit").asString()).isEqualTo("onething.casework.max-upload-size");
		assertThat(problem.path("detail").asString()).contains("1 MB");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void sixtyPartsAreReadAndTheSixtyFirstIsRefusedWith413() {
		MultipartBodyBuilder sixty = application();
		for (int note = 1; note < 60; note++) {
			sixty.part("note." + note, "备注");
		}
		web.post().uri("/api/applications").header("Idempotency-Key", UUID.randomUUID().toString())
				.body(BodyInserters.fromMultipartData(sixty.build())).exchange().expectStatus().isCreated();
		long before = cases();
		MultipartBodyBuilder sixtyOne = application();
		for (int note = 1; note < 61; note++) {
			sixtyOne.part("note." + note, "备注");
		}

		JsonNode problem = refusedByApi(sixtyOne);

		assertThat(problem.path("status").asInt()).isEqualTo(413);
		assertThat(problem.path("limit").asString()).isEqualTo("onething.casework.max-upload-parts");
		assertThat(problem.path("max").asInt()).isEqualTo(60);
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void thePhoneFormShowsAFileOverTheLimitInChineseAndFilesNothing() {
		long before = cases();
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		NewbornAnswers.valid(newborn).forEach(form::part);
		form.part("material.parents-id", file("parents-id.pdf", pdf(1100 * KB)));

		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromMultipartData(form.build()))
				.exchange().expectStatus().isEqualTo(413).expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("申请尚未提交", "材料文件", "超过 1 MB", "浏览器返回键可保留已填内容");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void beyondTheUploadsInFlightOthersAreToldToRetryWhileOtherRoutesAnswer() throws Exception {
		byte[] body = concat(RawUpload.field("application", "application/json", applicationJson()),
				RawUpload.file("material.parents-id", "scan.pdf", pdf(500 * KB)), RawUpload.end());
		byte[] started = Arrays.copyOf(body, 100 * KB);
		byte[] rest = Arrays.copyOfRange(body, started.length, body.length);
		List<RawUpload> uploads = new ArrayList<>();
		CountDownLatch threeAnswered = new CountDownLatch(3);
		try {
			for (int i = 0; i < 5; i++) {
				RawUpload upload = new RawUpload(port, "/api/applications", body.length, "Idempotency-Key: " + UUID.randomUUID());
				upload.answer().whenComplete((answer, failure) -> threeAnswered.countDown());
				sendQuietly(upload, started);
				uploads.add(upload);
			}

			assertThat(threeAnswered.await(60, TimeUnit.SECONDS)).as("three of five answered").isTrue();
			List<RawUpload> refused = uploads.stream().filter(upload -> upload.answer().isDone()).toList();
			assertThat(refused).hasSize(3).allSatisfy(upload -> {
				RawUpload.Answer answer = upload.answer().join();
				assertThat(answer.status()).isEqualTo(503);
				assertThat(answer.header("Retry-After")).isEqualTo("7");
				assertThat(json.readTree(answer.body()).path("limit").asString()).isEqualTo("onething.casework.max-uploads-in-flight");
			});
			web.get().uri("/api/bundles").exchange().expectStatus().isOk();
			web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

			List<RawUpload> reading = uploads.stream().filter(upload -> !upload.answer().isDone()).toList();
			assertThat(reading).hasSize(2);
			for (RawUpload upload : reading) {
				upload.send(rest);
			}
			for (RawUpload upload : reading) {
				assertThat(upload.answer().get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
			}
		}
		finally {
			for (RawUpload upload : uploads) {
				upload.close();
			}
		}
	}

	@Test
	void aFileNameWithFoldersControlCharactersAndNulIsStoredAsADisplayName() throws Exception {
		byte[] body = concat(RawUpload.field("application", "application/json", applicationJson()),
				RawUpload.file("material.parents-id", "..%2F..%2Fetc%2F%E5%87%BA%E7%94%9F%00%0D%0A%E8%AF%81%E6%98%8E%E2%80%AE.pdf",
						pdf(10 * KB)), RawUpload.end());
		String receiptCode;
		try (RawUpload upload = new RawUpload(port, "/api/applications", body.length, "Idempotency-Key: " + UUID.randomUUID())) {
			upload.send(body);
			RawUpload.Answer answer = upload.answer().get(60, TimeUnit.SECONDS);
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
			receiptCode = json.readTree(answer.body()).path("receiptCode").asString();
		}

		String caseId = casework.byReceiptCode(receiptCode).block().file().id();
		assertThat(casework.materials(caseId).collectList().block()).singleElement()
				.satisfies(material -> assertThat(material.fileName()).isEqualTo("出生证明.pdf"));
	}

	private JsonNode refusedByApi(MultipartBodyBuilder parts) {
		EntityExchangeResult<String> refused = web.post().uri("/api/applications").header("Idempotency-Key", UUID.randomUUID().toString())
				.body(BodyInserters.fromMultipartData(parts.build())).exchange().expectBody(String.class).returnResult();
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		return json.readTree(refused.getResponseBody());
	}

	private MultipartBodyBuilder application() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("application", applicationJson(), MediaType.APPLICATION_JSON);
		return parts;
	}

	private String applicationJson() {
		Map<String, Object> answers = new LinkedHashMap<>();
		NewbornAnswers.valid(newborn).forEach((key, value) ->
				answers.put(key, value.equals("false") || value.equals("true") ? Boolean.valueOf(value) : value));
		return json.writeValueAsString(Map.of("bundle", "newborn", "form", answers));
	}

	/** A body the server may stop reading: once it answered and closed, writing fails, which is no failure here. */
	private static void sendQuietly(RawUpload upload, byte[] bytes) {
		try {
			upload.send(bytes);
		}
		catch (IOException closedAfterAnswering) {
			// the answer says what happened
		}
	}

	private long cases() {
		return db.sql("select count(*) as n from casework_application").map(row -> row.get("n", Long.class)).one().block();
	}

	private static byte[] pdf(int size) {
		byte[] content = new byte[size];
		Arrays.fill(content, (byte) 'x');
		System.arraycopy(PDF_START, 0, content, 0, PDF_START.length);
		return content;
	}

	private static byte[] concat(byte[]... pieces) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		for (byte[] piece : pieces) {
			joined.writeBytes(piece);
		}
		return joined.toByteArray();
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
