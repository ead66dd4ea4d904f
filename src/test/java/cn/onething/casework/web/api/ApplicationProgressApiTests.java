package cn.onething.casework.web.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.catalog.Catalog;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * GET /api/applications/{receipt} with the phone's last four digits: the progress with the one-time notice, the same
 * 404 for a wrong code or wrong digits, and the lock after repeated wrong digits, shared with the look-up page.
 * Cases come from the newborn fixture: 出生登记 by 公安 and 医保参保 by 医保, in parallel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.casework.lookup-max-failures=3", "onething.casework.lookup-lock-duration=10m" })
class ApplicationProgressApiTests {

	static final Applicant ZHANG = new Applicant("张三丰", "45142119900101123X", "13812345678");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Casework casework;

	@Autowired
	JsonMapper json;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	StoredCase stored;

	@BeforeEach
	void aSubmittedCase() {
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		// department names come from the catalogue: have it loaded rather than race the import at start-up
		catalog.importGuides("test").block();
		stored = casework.submit(TermsFixture.parallelTerms(), ZHANG, Map.of(), Map.of(), List.of(), Actor.applicant()).block();
	}

	@Test
	void theRightDigitsShowEachStepAndTheApplicantMasked() {
		EntityExchangeResult<String> found = progress(code(), "5678");

		assertThat(found.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(found.getResponseHeaders().getCacheControl()).contains("no-store");
		JsonNode progress = json.readTree(found.getResponseBody());
		assertThat(progress.path("bundle").path("name").asString()).isEqualTo("新生儿出生一件事");
		assertThat(progress.path("status").path("code").asString()).isEqualTo("REVIEWING");
		assertThat(progress.path("noticeDueOn").asString()).isEqualTo(stored.file().noticeDueOn(casework.calendar()).toString());
		JsonNode hukou = progress.path("steps").get(0);
		assertThat(hukou.path("name").asString()).isEqualTo("出生登记");
		assertThat(hukou.path("department").asString()).as("the department's name, not its id").contains("公安");
		assertThat(hukou.path("state").path("code").asString()).isEqualTo("ACTIVE");
		assertThat(hukou.path("dueOn").asString()).as("reviewed by the notice's last day").isEqualTo(progress.path("noticeDueOn").asString());
		assertThat(progress.path("notice").isNull()).isTrue();
		assertThat(progress.path("applicant").toString()).contains("张**").doesNotContain("张三丰", "13812345678", "45142119900101123X");
	}

	@Test
	void theOneTimeNoticeListsEveryItemWithItsDepartmentAndDeadline() {
		Actor reviewer = new Actor(Actor.Kind.REVIEWER, "r", "审核员");
		casework.act(id(), reviewer, f -> ctx -> f.flag("hukou", List.of(new Flag(null, "household-register", null, Flag.Problem.MISSING, "请提供父母双方户口簿")), ctx)).block();
		casework.act(id(), reviewer, f -> ctx -> f.flag("insurance", List.of(new Flag(null, "birth-certificate", null, Flag.Problem.DEFECTIVE, "照片不清晰")), ctx)).block();

		JsonNode progress = json.readTree(progress(code(), "5678").getResponseBody());

		assertThat(progress.path("status").path("code").asString()).isEqualTo("AWAITING_CORRECTION");
		JsonNode notice = progress.path("notice");
		assertThat(notice.path("version").asInt()).isEqualTo(1);
		assertThat(notice.path("correctBy").asString())
				.isEqualTo(casework.byId(id()).block().file().latestNotice().orElseThrow().correctBy().toString());
		assertThat(notice.path("items")).hasSize(2);
		assertThat(notice.path("items").toString()).contains("居民户口簿", "请提供父母双方户口簿", "MISSING", "出生医学证明", "照片不清晰",
				"DEFECTIVE", "公安", "医疗保障");
	}

	@Test
	void theProgressShowsTheExpectedCompletionTheExtensionAndEverySuspensionWithItsReason() {
		JsonNode received = json.readTree(progress(code(), "5678").getResponseBody());
		assertThat(received.path("expectedCompletionProjected").asBoolean()).as("not accepted yet").isTrue();
		assertThat(received.path("expectedCompletionOn").asString()).isEqualTo(CaseSchedule.of(stored.file(), casework.calendar())
				.expectedCompletionOn().orElseThrow().toString());

		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = '" + id() + "'")
				.then().block();
		casework.act(id(), new Actor(Actor.Kind.HEAD, "head", "机关负责人"), f -> ctx -> f.extendDeadline("需现场核查", ctx)).block();
		StoredCase suspended = casework.act(id(), new Actor(Actor.Kind.REVIEWER, "r", "审核员"), f -> ctx -> f.startSpecialProcedure(
				"insurance", SpecialProcedure.Kind.INSPECTION, "出生医学证明送检", ctx.today(), ctx.today().plusDays(7), ctx)).block();
		CaseSchedule schedule = CaseSchedule.of(suspended.file(), casework.calendar());

		JsonNode progress = json.readTree(progress(code(), "5678").getResponseBody());

		assertThat(progress.path("expectedCompletionProjected").asBoolean()).isFalse();
		assertThat(progress.path("expectedCompletionOn").asString()).isEqualTo(schedule.expectedCompletionOn().orElseThrow().toString());
		assertThat(progress.path("dueOn").asString()).isEqualTo(schedule.bundleDueOn().orElseThrow().toString());
		assertThat(progress.path("extension").path("reason").asString()).isEqualTo("需现场核查");
		assertThat(progress.path("extension").path("workingDays").asInt()).isEqualTo(15);
		assertThat(progress.path("extension").path("approvedOn").asString()).isEqualTo(casework.today().toString());
		JsonNode inspection = progress.path("specialProcedures").get(0);
		assertThat(inspection.path("step").asString()).isEqualTo("医保参保");
		assertThat(inspection.path("kind").path("label").asString()).isEqualTo("检验检测");
		assertThat(inspection.path("reason").asString()).isEqualTo("出生医学证明送检");
		assertThat(inspection.path("running").asBoolean()).isTrue();
		assertThat(inspection.path("expectedEndOn").asString()).isEqualTo(casework.today().plusDays(7).toString());
		assertThat(inspection.path("suspendedWorkingDays").asInt()).isEqualTo(schedule.suspendedWorkingDays(suspended.file().specialProcedures().get(0)));
		assertThat(progress.path("steps").get(1).path("dueOn").asString()).isEqualTo(schedule.stepDueOn("insurance").orElseThrow().toString());
	}

	@Test
	void wrongDigitsAndAnUnknownCodeGetTheSameAnswer() {
		EntityExchangeResult<String> wrongDigits = progress(code(), "0000");
		EntityExchangeResult<String> unknownCode = progress("FS22222222", "5678");
		EntityExchangeResult<String> notACode = progress("hello", "5678");

		for (EntityExchangeResult<String> answer : List.of(wrongDigits, unknownCode, notACode)) {
			assertThat(answer.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			JsonNode problem = json.readTree(answer.getResponseBody());
			assertThat(problem.path("detail").asString()).isEqualTo("回执编号或手机号后四位不正确");
			assertThat(problem.propertyNames()).containsExactlyInAnyOrder("detail", "instance", "status", "title");
		}
		assertThat(progress(code(), null).getStatus()).as("the digits are required").isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void repeatedWrongDigitsLockTheCodeEvenForTheRightOnesOnThePageToo() {
		assertThat(progress(code(), "0001").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(progress(code(), "0002").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);

		EntityExchangeResult<String> third = progress(code(), "0003");
		EntityExchangeResult<String> right = progress(code(), "5678");

		assertThat(third.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(right.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Long.parseLong(right.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 600L);
		assertThat(json.readTree(right.getResponseBody()).path("type").asString()).isEqualTo("/problems/lookup-locked");
		String page = web.post().uri("/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("code", code()).with("phoneTail", "5678"))
				.exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("查询错误次数过多", "10 分钟后再试");
	}

	@Test
	void aCodeThatIsNoOnesLocksTheSameWaySoALockRevealsNothing() {
		String nobody = "FS33333333";
		progress(nobody, "0001");
		progress(nobody, "0002");

		assertThat(progress(nobody, "0003").getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(progress(code(), "5678").getStatus()).as("other codes are not affected").isEqualTo(HttpStatus.OK);
	}

	@Test
	void theRightDigitsForgiveEarlierMistakes() {
		progress(code(), "0001");
		progress(code(), "0002");
		assertThat(progress(code(), "5678").getStatus()).isEqualTo(HttpStatus.OK);

		assertThat(progress(code(), "0003").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(progress(code(), "0004").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private EntityExchangeResult<String> progress(String code, String lastFour) {
		WebTestClient.RequestHeadersSpec<?> request = web.get().uri("/api/applications/" + code);
		if (lastFour != null) {
			request = request.header("X-Phone-Last4", lastFour);
		}
		return request.exchange().expectBody(String.class).returnResult();
	}

	private String code() {
		return stored.file().receiptCode();
	}

	private String id() {
		return stored.file().id();
	}
}
