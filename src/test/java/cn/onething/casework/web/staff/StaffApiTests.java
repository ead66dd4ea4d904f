package cn.onething.casework.web.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.StepState;
import cn.onething.catalog.Catalog;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff API under the console's rules, against a running server: bearer tokens from the console's accounts, the
 * department's queue, a case, and decisions; another department's step is 403, a step not under review 409, no
 * token 401. Cases come from the newborn fixture: 出生登记 (hukou) by 公安 (police) and 医保参保 (insurance) by 医保
 * (medical), in parallel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class StaffApiTests {

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
	DemoAccounts demoAccounts;

	@Autowired
	JsonMapper json;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	StoredCase stored;

	@BeforeEach
	void aCaseUnderReview() {
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		catalog.importGuides("test").block();
		stored = casework.submit(TermsFixture.parallelTerms(), ZHANG, Map.of("applicant.name", "张三丰"), Map.of(), List.of(),
				Actor.applicant()).block();
	}

	@Test
	void withoutAValidTokenTheApiAnswers401WithAProblem() {
		EntityExchangeResult<String> none = web.get().uri("/api/staff/queue").exchange().expectBody(String.class).returnResult();
		EntityExchangeResult<String> forged = get("/api/staff/queue", "eyJ1c2VybmFtZSI6InBvbGljZSJ9.Zm9yZ2Vk");
		String consoleCookie = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD).cookies().get("ONETHING_STAFF");
		EntityExchangeResult<String> cookieAsToken = get("/api/staff/queue", consoleCookie);

		for (EntityExchangeResult<String> refused : List.of(none, forged, cookieAsToken)) {
			assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(refused.getResponseHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
			assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getResponseBody()).contains("POST /api/staff/tokens");
		}
		assertThat(web.post().uri("/api/staff/cases/" + id() + "/steps/hukou/approve").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of()).exchange().expectBody(String.class).returnResult().getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(state("hukou")).isEqualTo(StepState.ACTIVE);
	}

	@Test
	void aWrongPasswordGetsNoToken() {
		EntityExchangeResult<String> refused = web.post().uri("/api/staff/tokens").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", "police", "password", "guess-1234")).exchange().expectBody(String.class).returnResult();

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(json.readTree(refused.getResponseBody()).path("detail").asString()).isEqualTo("用户名或密码不正确");
		assertThat(json.readTree(refused.getResponseBody()).has("token")).isFalse();
	}

	@Test
	void aReviewerListsTheirDepartmentsQueueAndReadsTheCase() {
		String police = token("police");
		submitAnotherCaseTheFundDoesNotReview();

		JsonNode queue = json.readTree(get("/api/staff/queue", police).getResponseBody());
		JsonNode kase = json.readTree(get("/api/staff/cases/" + id(), police).getResponseBody());

		assertThat(queue.findValuesAsString("receiptCode")).contains(stored.file().receiptCode());
		assertThat(queue.get(0).path("state").asString()).isEqualTo("待审查");
		assertThat(queue.get(0).path("clocks").path("noticeDueOn").asString())
				.isEqualTo(stored.file().noticeDueOn(casework.calendar()).toString());
		assertThat(kase.path("personalData").asBoolean()).isTrue();
		assertThat(kase.path("applicant").path("idNumber").asString()).isEqualTo("45142119900101123X");
		assertThat(kase.path("stepsToDecide").toString()).isEqualTo("[\"hukou\"]");
		assertThat(kase.path("steps").get(0).path("department").asString()).contains("公安");
		assertThat(json.readTree(get("/api/staff/queue", token("fund")).getResponseBody())).as("the fund reviews none of it").isEmpty();
		JsonNode outside = json.readTree(get("/api/staff/cases/" + id(), token("fund")).getResponseBody()).path("applicant");
		assertThat(outside.path("name").asString()).as("masked for staff outside the case").isEqualTo("张**");
		assertThat(outside.path("phone").asString()).as("without the digits that open the progress page")
				.isEqualTo("138********");
		assertThat(outside.path("idNumber").asString()).isEqualTo("451***************");
	}

	@Test
	void aReviewerApprovesTheirStepWithANote() {
		EntityExchangeResult<String> approved = post("approve", "hukou", token("police"), Map.of("note", "新户口簿请到户籍窗口领取"));

		assertThat(approved.getStatus()).isEqualTo(HttpStatus.OK);
		JsonNode hukou = json.readTree(approved.getResponseBody()).path("steps").get(0);
		assertThat(hukou.path("state").asString()).isEqualTo("APPROVED");
		assertThat(hukou.path("resultNote").asString()).isEqualTo("新户口簿请到户籍窗口领取");
		assertThat(casework.byId(id()).block().file().step("hukou").orElseThrow().decidedBy())
				.isEqualTo(new Actor(Actor.Kind.REVIEWER, "police", "公安审核员"));
	}

	@Test
	void aRefusalWithoutAReasonNamesTheField() {
		EntityExchangeResult<String> refused = post("refuse", "hukou", token("police"), Map.of("reason", " "));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode error = json.readTree(refused.getResponseBody()).path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("reason");
		assertThat(error.path("message").asString()).contains("请写明不予批准的理由");
		assertThat(state("hukou")).isEqualTo(StepState.ACTIVE);
	}

	@Test
	void flagsOfBothDepartmentsBecomeOneNotice() {
		post("flags", "hukou", token("police"), Map.of("materials", List.of(
				Map.of("material", "household-register", "problem", "MISSING", "reason", "请带父母双方户口簿"))));
		EntityExchangeResult<String> second = post("flags", "insurance", token("medical"), Map.of("materials", List.of(
				Map.of("material", "birth-certificate", "problem", "DEFECTIVE", "reason", "照片不清晰"))));

		assertThat(second.getStatus()).isEqualTo(HttpStatus.OK);
		JsonNode notices = json.readTree(second.getResponseBody()).path("notices");
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).path("items")).hasSize(2);
		assertThat(casework.byId(id()).block().file().status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
	}

	@Test
	void everyWrongFlagItemIsNamedByItsPlaceInTheList() {
		EntityExchangeResult<String> refused = post("flags", "hukou", token("police"), Map.of("materials", List.of(
				Map.of("material", "wedding-photo", "reason", "需要"),
				Map.of("material", "household-register", "problem", "LOST", "reason", ""))));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json.readTree(refused.getResponseBody()).path("errors").findValuesAsString("field"))
				.containsExactlyInAnyOrder("materials[0].material", "materials[1].reason", "materials[1].problem");
		assertThat(post("flags", "hukou", token("police"), Map.of("materials", List.of())).getResponseBody())
				.contains("\"field\":\"materials\"", "请至少列出一项需要补正的材料");
	}

	@Test
	void aReviewerCannotDecideAnotherDepartmentsStep() {
		EntityExchangeResult<String> refused = post("approve", "hukou", token("medical"), Map.of());

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		JsonNode problem = json.readTree(refused.getResponseBody());
		assertThat(problem.path("type").asString()).isEqualTo("/problems/not-permitted");
		assertThat(problem.path("detail").asString()).contains("“出生登记”由", "您不能对这个环节作出决定");
		assertThat(state("hukou")).isEqualTo(StepState.ACTIVE);
		assertThat(post("refuse", "hukou", token("window"), Map.of("reason", "不符合")).getStatus())
				.as("the window decides no step").isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aStepNoLongerUnderReviewCannotBeDecided() {
		String police = token("police");
		post("approve", "hukou", police, Map.of());

		EntityExchangeResult<String> again = post("refuse", "hukou", police, Map.of("reason", "改变主意"));

		assertThat(again.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json.readTree(again.getResponseBody()).path("detail").asString()).contains("当前已通过，不能作出决定");
		assertThat(state("hukou")).isEqualTo(StepState.APPROVED);
	}

	@Test
	void aReviewerStopsAndRestartsTheirStepsClockByApiAndEveryBadFieldIsNamed() {
		String police = token("police");
		String today = casework.today().toString();
		Map<String, String> hearing = Map.of("kind", "HEARING", "reason", "利害关系人申请听证", "from", today,
				"until", casework.today().plusDays(10).toString());
		EntityExchangeResult<String> beforeAcceptance = post("procedures", "hukou", police, hearing);
		assertThat(beforeAcceptance.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json.readTree(beforeAcceptance.getResponseBody()).path("detail").asString()).contains("尚未受理");

		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = '" + id() + "'")
				.then().block();
		EntityExchangeResult<String> wrong = post("procedures", "hukou", police,
				Map.of("kind", "PICNIC", "reason", " ", "from", "yesterday", "until", today));
		assertThat(wrong.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(json.readTree(wrong.getResponseBody()).path("errors").findValuesAsString("field"))
				.containsExactlyInAnyOrder("kind", "reason", "from");
		EntityExchangeResult<String> backwards = post("procedures", "hukou", police,
				Map.of("kind", "HEARING", "reason", "听证", "from", today, "until", casework.today().minusDays(1).toString()));
		assertThat(backwards.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json.readTree(backwards.getResponseBody()).path("detail").asString()).contains("不能早于开始日期");
		assertThat(post("procedures", "hukou", token("medical"), hearing).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("procedures/end", "hukou", police, Map.of()).getStatus()).as("none running").isEqualTo(HttpStatus.CONFLICT);
		assertThat(casework.byId(id()).block().file().specialProcedures()).isEmpty();

		EntityExchangeResult<String> started = post("procedures", "hukou", police, hearing);

		assertThat(started.getStatus()).isEqualTo(HttpStatus.OK);
		JsonNode kase = json.readTree(started.getResponseBody());
		assertThat(kase.path("specialProcedures").get(0).path("kind").asString()).isEqualTo("HEARING");
		assertThat(kase.path("specialProcedures").get(0).path("reason").asString()).isEqualTo("利害关系人申请听证");
		assertThat(kase.path("expectedCompletionOn").asString()).isEqualTo(CaseSchedule.of(casework.byId(id()).block().file(),
				casework.calendar()).expectedCompletionOn().orElseThrow().toString());
		EntityExchangeResult<String> ended = post("procedures/end", "hukou", police, Map.of());
		assertThat(ended.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(ended.getResponseBody()).path("specialProcedures").get(0).path("endedOn").asString()).isEqualTo(today);
	}

	@Test
	void anUnknownCaseOrStepIs404() {
		String police = token("police");

		assertThat(get("/api/staff/cases/not-a-case", police).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("/api/staff/cases/00000000-0000-0000-0000-000000000000", police).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("approve", "wedding", police, Map.of()).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private void submitAnotherCaseTheFundDoesNotReview() {
		casework.submit(TermsFixture.parallelTerms(), ZHANG, Map.of(), Map.of(), List.of(), Actor.applicant()).block();
	}

	private String token(String username) {
		String body = web.post().uri("/api/staff/tokens").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", username, "password", DemoAccounts.PASSWORD))
				.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		return json.readTree(body).path("token").asString();
	}

	private EntityExchangeResult<String> get(String path, String token) {
		return web.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> post(String decision, String step, String token, Object body) {
		return web.post().uri("/api/staff/cases/" + id() + "/steps/" + step + "/" + decision)
				.headers(headers -> headers.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
				.exchange().expectBody(String.class).returnResult();
	}

	private StepState state(String step) {
		return casework.byId(id()).block().file().step(step).orElseThrow().state();
	}

	private String id() {
		return stored.file().id();
	}
}
