package cn.onething.casework.web.staff;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.StepLimit;
import cn.onething.casework.web.NewbornAnswers;
import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 一窗受理 in the console: the window files 新生儿出生一件事 for the applicant with the applicant's own form and scanned
 * materials, prints the receipt, and the first department finds the case in its queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class IntakePagesTests {

	static final byte[] PDF = "%PDF-1.4\n%birth certificate\n".getBytes(StandardCharsets.US_ASCII);
	static final String FORM = "/staff/intake/newborn";

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
	DemoAccounts demoAccounts;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	Bundle newborn;

	@BeforeEach
	void theHallIsOpen() {
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
		newborn = bundles.bundle("newborn").orElseThrow();
	}

	@Test
	void theWindowFilesABundleWithItsMaterialsAndTheFirstDepartmentFindsIt() {
		StaffSession window = signIn("window");
		assertThat(window.page("/staff")).as("the console offers intake to the window").contains("href=\"/staff/intake\"");
		assertThat(window.page("/staff/intake")).contains("href=\"" + FORM + "\"", "新生儿出生一件事");
		String form = window.page(FORM);
		assertThat(form).contains("name=\"applicant.idNumber\"", "name=\"material.parents-id\"", "enctype=\"multipart/form-data\"");

		EntityExchangeResult<String> filed = window.upload(FORM, FORM, answers(key(form)));

		assertThat(filed.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		String receipt = window.follow(filed);
		String code = match(receipt, "<strong class=\"code\">(FS[0-9A-Z]{8})</strong>");
		StoredCase stored = casework.byReceiptCode(code).block();
		assertThat(receipt).contains("/cases/" + code + "/receipt.pdf?k=", "href=\"/staff/cases/" + stored.file().id() + "\"");
		assertThat(stored.file().steps()).as("each step filed with its items' limits from the guides")
				.allSatisfy(step -> assertThat(step.plan().limit()).isNotNull());
		assertThat(stored.file().step("certificate").orElseThrow().plan().limit()).isEqualTo(new StepLimit(5, 1));
		assertThat(receipt).contains("预计办结日期", CaseSchedule.of(stored.file(), casework.calendar()).expectedCompletionOn()
				.orElseThrow() + "（如无需补正）");
		assertThat(db.sql("select actor_kind, actor_id from casework_event where application_id = :id and seq = 1")
				.bind("id", UUID.fromString(stored.file().id()))
				.map(row -> row.get("actor_kind", String.class) + "/" + row.get("actor_id", String.class)).one().block())
				.isEqualTo("WINDOW/window");
		assertThat(casework.materials(stored.file().id()).collectList().block()).singleElement()
				.satisfies(material -> assertThat(material.uploadedBy()).isEqualTo("window"));
		assertThat(signIn("health").page("/staff")).as("签发出生医学证明 comes first").contains(code, "待审查");
		EntityExchangeResult<byte[]> pdf = web.get().uri(match(receipt, "href=\"(/cases/" + code + "/receipt\\.pdf\\?k=[^\"]+)\""))
				.exchange().expectBody(byte[].class).returnResult();
		assertThat(pdf.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(pdf.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
	}

	@Test
	void aDoubleClickFilesOneCase() {
		StaffSession window = signIn("window");
		String key = key(window.page(FORM));
		long before = cases();

		EntityExchangeResult<String> first = window.upload(FORM, FORM, answers(key));
		EntityExchangeResult<String> second = window.upload(FORM, FORM, answers(key));

		assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
		assertThat(cases()).isEqualTo(before + 1);
	}

	@Test
	void aWrongAnswerIsShownNextToItsFieldWithWhatWasTypedKept() {
		StaffSession window = signIn("window");
		MultipartBodyBuilder parts = answers(key(window.page(FORM)), Map.of("applicant.idNumber", "110105194912310021"));
		long before = cases();

		EntityExchangeResult<String> refused = window.upload(FORM, FORM, parts);

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("没有受理", "申请人身份证号码：", "校验", "class=\"field-problem\"",
				"value=\"13812345678\"", "已选的文件需要重新选择");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aFileOverTheUploadLimitIsRefusedOnTheFormWithWhatWasTypedKeptAndNothingIsFiled() {
		StaffSession window = signIn("window");
		MultipartBodyBuilder parts = answers(key(window.page(FORM)));
		byte[] scan = Arrays.copyOf(PDF, 11 * 1024 * 1024);
		parts.part("material.parents-id", new ByteArrayResource(scan) {
			@Override
			public String getFilename() {
				return "户口簿.pdf";
			}
		});
		long before = cases();

		EntityExchangeResult<String> refused = window.upload(FORM, FORM, parts);

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(refused.getResponseBody()).contains("没有受理", "有一个文件超过 10 MB 的上限", "value=\"13812345678\"");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void onlyTheWindowTakesApplications() {
		StaffSession police = signIn("police");

		assertThat(police.get("/staff/intake").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(police.get(FORM).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(police.page("/staff")).doesNotContain("href=\"/staff/intake\"");
	}

	@Test
	void anIntakeWithoutTheFormsCsrfTokenIsRefused() {
		StaffSession window = signIn("window");
		long before = cases();

		EntityExchangeResult<String> forged = window.post(FORM, StaffSession.form("applicant.name", "张三"));

		assertThat(forged.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(cases()).isEqualTo(before);
	}

	private MultipartBodyBuilder answers(String key) {
		return answers(key, Map.of());
	}

	private MultipartBodyBuilder answers(String key, Map<String, String> changed) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		Map<String, String> answers = new LinkedHashMap<>(NewbornAnswers.valid(newborn));
		answers.putAll(changed);
		answers.forEach(parts::part);
		parts.part("idempotencyKey", key);
		parts.part("material.parents-id", new ByteArrayResource(PDF) {
			@Override
			public String getFilename() {
				return "出生医学证明.pdf";
			}
		});
		return parts;
	}

	private static String key(String form) {
		return match(form, "name=\"idempotencyKey\" value=\"([^\"]+)\"");
	}

	private static String match(String page, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(page);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

	private StaffSession signIn(String username) {
		return StaffSession.signedIn(web, username, DemoAccounts.PASSWORD);
	}

	private long cases() {
		return db.sql("select count(*) as n from casework_application").map(row -> row.get("n", Long.class)).one().block();
	}
}
