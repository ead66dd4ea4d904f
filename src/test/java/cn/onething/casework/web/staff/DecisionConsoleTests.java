package cn.onething.casework.web.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.Completion;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 不予受理, 不予批准 and 部门预审 from the console and the staff API, against a running server and its own database.
 * Cases come from the serial newborn fixture: 出生登记 (hukou) by 公安 (police), then 医保参保 (insurance) by 医保
 * (medical), which waits for it and may pre-review meanwhile. Every refused action leaves the case as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class DecisionConsoleTests {

	static final Applicant ZHANG = new Applicant("张三丰", "45142119900101123X", "13812345678");
	static final Actor POLICE = new Actor(Actor.Kind.REVIEWER, "police", "公安审核员");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Casework casework;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonMapper json;

	WebTestClient web;

	StoredCase stored;

	@BeforeEach
	void aSerialCaseAtTheWindow() {
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		stored = casework.submit(TermsFixture.serialTerms(), ZHANG, Map.of(), Map.of(), List.of(),
				new Actor(Actor.Kind.WINDOW, "window", "一窗受理")).block();
	}

	@Test
	void aLaterSerialDepartmentSeesTheCaseAwaitingPreReviewWithTheNoticeDeadline() {
		StaffSession medical = signIn("medical");

		assertThat(medical.page("/staff")).contains(receiptCode(), "待预审", stored.file().noticeDueOn(casework.calendar()).toString());
		assertThat(medical.page(casePath())).contains("部门预审：“医保参保”", "steps/insurance/pre-review")
				.doesNotContain("steps/insurance/approve");
	}

	@Test
	void aPreReviewFlagGoesIntoTheOneNoticeWithTheActiveDepartmentsFlags() {
		EntityExchangeResult<String> preReviewed = signIn("medical").submit(casePath(), casePath() + "/steps/insurance/pre-review",
				form("outcome", "flag", "material", "household-register", "problem.household-register", "DEFECTIVE",
						"reason.household-register", "户口簿复印件不清晰"));
		assertThat(preReviewed.getStatus()).as(preReviewed.getResponseBody()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(signIn("medical").page("/staff")).as("pre-reviewed, nothing to do until the registration is approved")
				.doesNotContain(receiptCode());

		EntityExchangeResult<String> flagged = signIn("police").submit(casePath(), casePath() + "/steps/hukou/flag",
				form("material", "birth-certificate", "problem.birth-certificate", "MISSING", "reason.birth-certificate", "缺出生医学证明"));
		assertThat(flagged.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

		var file = casework.byId(id()).block().file();
		assertThat(file.notices()).hasSize(1);
		assertThat(file.latestNotice().orElseThrow().items()).extracting(Flag::stepId).containsExactly("insurance", "hukou");
		assertThat(signIn("police").page(casePath())).contains("“医保参保”预审，要求补正：居民户口簿");
	}

	@Test
	void aPreReviewWithoutFindingsIsRecordedAndAfterTheNoticeOnlyAnExceptionAddsItems() {
		EntityExchangeResult<String> clear = signIn("medical").submit(casePath(), casePath() + "/steps/insurance/pre-review",
				form("outcome", "clear"));
		assertThat(clear.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(casework.byId(id()).block().file().preReviewed()).containsExactly("insurance");

		StoredCase other = casework.submit(TermsFixture.serialTerms(), ZHANG, Map.of(), Map.of(), List.of(), Actor.applicant()).block();
		casework.act(other.file().id(), POLICE, file -> ctx -> file.flag("hukou",
				List.of(new Flag(null, "birth-certificate", null, Flag.Problem.MISSING, "缺")), ctx)).block();
		String otherPath = "/staff/cases/" + other.file().id();
		int events = events(other.file().id());

		EntityExchangeResult<String> late = signIn("medical").submit(otherPath, otherPath + "/steps/insurance/pre-review",
				form("outcome", "flag", "material", "household-register", "problem.household-register", "MISSING",
						"reason.household-register", "缺户口簿"));

		assertThat(late.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(late.getResponseBody()).contains("预审已经结束", "须由主管登记例外");
		assertThat(events(other.file().id())).isEqualTo(events);
	}

	@Test
	void aDepartmentCannotPreReviewAnotherDepartmentsStep() {
		EntityExchangeResult<String> refused = signIn("police").submit(casePath(), casePath() + "/steps/insurance/pre-review",
				form("outcome", "clear"));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(casework.byId(id()).block().file().preReviewed()).isEmpty();
	}

	@Test
	void theWindowTurnsAnApplicationAwayWithTheReasonAndWhereToApply() {
		EntityExchangeResult<String> done = signIn("window").submit(casePath(), casePath() + "/non-acceptance",
				form("reason", "申请人户籍在南宁市，不属于本县办理", "referTo", "南宁市公安局青秀分局"));

		assertThat(done.getStatus()).as(done.getResponseBody()).isEqualTo(HttpStatus.SEE_OTHER);
		var file = casework.byId(id()).block().file();
		assertThat(file.completion().result()).isEqualTo(Completion.Result.NOT_ACCEPTED);
		assertThat(file.completion().nonAcceptance().referTo()).isEqualTo("南宁市公安局青秀分局");
		assertThat(file.completion().nonAcceptance().decidedBy().kind()).isEqualTo(Actor.Kind.WINDOW);
		assertThat(signIn("window").follow(done)).contains("已作出不予受理决定", "告知向南宁市公安局青秀分局申请",
				"不予受理：申请人户籍在南宁市，不属于本县办理");
	}

	@Test
	void notAcceptedNeedsAReasonAndNothingIsStoredWithout() {
		int events = events(id());

		EntityExchangeResult<String> refused = signIn("window").submit(casePath(), casePath() + "/non-acceptance",
				form("reason", "  ", "referTo", "南宁市公安局"));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("请写明不予受理的理由", "南宁市公安局");
		assertThat(casework.byId(id()).block().file().status()).isEqualTo(CaseStatus.REVIEWING);
		assertThat(events(id())).isEqualTo(events);
	}

	@Test
	void notAcceptedAfterAcceptanceIsRefusedInWordsAndChangesNothing() {
		casework.act(id(), POLICE, file -> ctx -> file.approve("hukou", null, ctx)).block();
		int events = events(id());

		EntityExchangeResult<String> refused = signIn("window").submit(casePath(), casePath() + "/non-acceptance", form("reason", "不属于本县"));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("受理（材料齐全，予以受理），不能再不予受理");
		assertThat(events(id())).isEqualTo(events);
		assertThat(signIn("window").page(casePath())).as("no longer offered").doesNotContain("/non-acceptance");
	}

	@Test
	void aDepartmentOutsideTheCaseCannotTurnItAway() {
		EntityExchangeResult<String> refused = signIn("fund").submit(casePath(), casePath() + "/non-acceptance", form("reason", "不属于本县"));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getResponseBody()).contains("只有窗口、主管或本件的审查部门可以作出不予受理决定");
		assertThat(casework.byId(id()).block().file().completion()).isNull();
	}

	@Test
	void aRefusalCannotBeMadeTwiceNorOnAnotherDepartmentsStep() {
		EntityExchangeResult<String> first = signIn("police").submit(casePath(), casePath() + "/steps/hukou/refuse",
				form("reason", "不符合落户条件"));
		assertThat(first.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		int events = events(id());

		EntityExchangeResult<String> twice = signIn("police").submit(casePath(), casePath() + "/steps/hukou/refuse", form("reason", "再次"));
		EntityExchangeResult<String> foreign = signIn("medical").submit(casePath(), casePath() + "/steps/hukou/refuse", form("reason", "越权"));

		assertThat(twice.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(twice.getResponseBody()).as("the refusal ended the insurance behind it, and so the case").contains("本件已办结");
		assertThat(foreign.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(events(id())).isEqualTo(events);
		assertThat(casework.byId(id()).block().file().step("insurance").orElseThrow().reason())
				.isEqualTo("因前序环节“出生登记”不予许可，本环节终止");
	}

	@Test
	void theApiTurnsAwayAndPreReviewsWithProblemDocumentsForWhatItRefuses() {
		String medical = token("medical");
		EntityExchangeResult<String> preReviewed = post("/steps/insurance/pre-review", medical, Map.of("materials", List.of()));
		assertThat(preReviewed.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(preReviewed.getResponseBody()).path("stepsToPreReview").toString()).isEqualTo("[]");

		EntityExchangeResult<String> blank = post("/non-acceptance", token("window"), Map.of("reason", " "));
		assertThat(blank.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(blank.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(blank.getResponseBody()).contains("请写明不予受理的理由");

		casework.act(id(), POLICE, file -> ctx -> file.approve("hukou", null, ctx)).block();
		int events = events(id());
		EntityExchangeResult<String> late = post("/non-acceptance", token("window"), Map.of("reason", "不属于本县"));
		assertThat(late.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(late.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(json.readTree(late.getResponseBody()).path("detail").asString()).contains("不能再不予受理");

		EntityExchangeResult<String> refused = post("/steps/insurance/refuse", medical, Map.of("reason", "不符合参保条件"));
		EntityExchangeResult<String> again = post("/steps/insurance/refuse", medical, Map.of("reason", "不符合参保条件"));
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(again.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json.readTree(again.getResponseBody()).path("detail").asString()).contains("本件已办结");
		assertThat(events(id())).as("the refusal and the completion").isEqualTo(events + 2);
		JsonNode outsider = json.readTree(post("/non-acceptance", token("fund"), Map.of("reason", "x")).getResponseBody());
		assertThat(outsider.path("status").asInt()).isEqualTo(403);
	}

	private StaffSession signIn(String username) {
		return StaffSession.signedIn(web, username, DemoAccounts.PASSWORD);
	}

	private String token(String username) {
		String body = web.post().uri("/api/staff/tokens").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", username, "password", DemoAccounts.PASSWORD))
				.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return json.readTree(body).path("token").asString();
	}

	private EntityExchangeResult<String> post(String action, String token, Object body) {
		return web.post().uri("/api/staff/cases/" + id() + action).headers(headers -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(String.class).returnResult();
	}

	private int events(String caseId) {
		return db.sql("select count(*) as n from casework_event where application_id = '" + caseId + "'::uuid")
				.map(row -> row.get("n", Long.class)).one().block().intValue();
	}

	private String id() {
		return stored.file().id();
	}

	private String receiptCode() {
		return stored.file().receiptCode();
	}

	private String casePath() {
		return "/staff/cases/" + id();
	}
}
