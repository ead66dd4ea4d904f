package cn.onething.casework.web.staff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.HallClock;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Acceptance;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseFile;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import io.r2dbc.postgresql.codec.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
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
 * 行政许可法 §32 against a running server and a real PostgreSQL, with the service's clock turned by the test and the
 * scheduled check held back: acceptance by a time limit shows on the API and the staff page the moment the day has
 * passed, and a late notice is refused, before any job has run. March 2026 has no holidays: Monday 2 March + 5
 * working days is Monday 9 March.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.casework.deadline-check-delay=1d" })
class AcceptanceByTimeLimitTests {

	static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
	static final HallClock CLOCK = new HallClock(RECEIVED);

	@TestConfiguration
	static class TurnedClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}
	}

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
	JsonMapper json;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	String id;

	String receiptCode;

	@BeforeEach
	void aCaseFiledOnMonday() {
		CLOCK.turnTo(RECEIVED);
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		StoredCase filed = casework.submit(TermsFixture.parallelTerms(), new Applicant("张三丰", "45142119900101123X", "13812345678"),
				Map.of("applicant.name", "张三丰"), Map.of(), List.of(), Actor.applicant()).block();
		id = filed.file().id();
		receiptCode = filed.file().receiptCode();
	}

	@Test
	void aNoticeAfterTheFifthWorkingDayIsRefusedAndTheCaseReadsAsDeemedAcceptedFromReceiptBeforeAnyJobRan() {
		CLOCK.turnTo(LocalDate.of(2026, 3, 10));

		EntityExchangeResult<String> refused = post("flags", "hukou", token("police"), Map.of("materials", List.of(
				Map.of("material", "household-register", "problem", "MISSING", "reason", "未带户口簿"))));
		JsonNode read = json.readTree(get("/api/staff/cases/" + id, token("police")).getResponseBody());
		JsonNode applicantSees = json.readTree(web.get().uri("/api/applications/" + receiptCode).header("X-Phone-Last4", "5678")
				.exchange().expectBody(String.class).returnResult().getResponseBody());

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(json.readTree(refused.getResponseBody()).path("detail").asString())
				.isEqualTo("本件逾期未一次性告知，自收到申请材料之日起视为受理（受理日期 2026-03-02），不能再发一次性告知；确需补正的，须由主管登记例外并写明理由");
		assertThat(read.path("acceptance").path("basis").asString()).isEqualTo("DEEMED");
		assertThat(read.path("acceptance").path("effectiveOn").asString()).isEqualTo("2026-03-02");
		assertThat(read.path("clocks").path("decisionDueOn").asString()).as("the bundle's 5 working days, from receipt").isEqualTo("2026-03-09");
		assertThat(read.path("notices")).isEmpty();
		assertThat(applicantSees.path("acceptance").path("basis").path("code").asString()).isEqualTo("DEEMED");
		assertThat(applicantSees.path("acceptance").path("acceptedOn").asString()).isEqualTo("2026-03-02");
		assertThat(casework.auditTrail(id).map(e -> e.kind()).collectList().block())
				.as("no job has run and the refused notice saved nothing").doesNotContain("ApplicationAccepted", "NoticeIssued");
		assertThat(StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD).page("/staff/cases/" + id))
				.contains("2026-03-02 逾期未一次性告知，自收到申请材料之日起视为受理");
	}

	@Test
	void correctionsHaveAReviewDueDateAndCountAsAcceptedFromTheirDayWhenNobodyReviewsThem() {
		post("flags", "hukou", token("police"), Map.of("materials", List.of(
				Map.of("material", "household-register", "problem", "MISSING", "reason", "未带户口簿"))));
		post("approve", "insurance", token("medical"), Map.of());
		CLOCK.turnTo(LocalDate.of(2026, 3, 4));
		casework.submitCorrection(id, List.of(), Actor.applicant()).block();

		JsonNode underReview = json.readTree(get("/api/staff/cases/" + id, token("police")).getResponseBody());
		JsonNode applicantSees = json.readTree(web.get().uri("/api/applications/" + receiptCode).header("X-Phone-Last4", "5678")
				.exchange().expectBody(String.class).returnResult().getResponseBody());
		String page = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD).page("/staff/cases/" + id);
		CLOCK.turnTo(LocalDate.of(2026, 3, 12));
		JsonNode afterTheReviewDay = json.readTree(get("/api/staff/cases/" + id, token("police")).getResponseBody());
		List<String> trailBeforeTheCheck = casework.auditTrail(id).map(e -> e.kind()).collectList().block();
		casework.checkDeadlines().block();

		assertThat(underReview.path("clocks").path("correctionReviewDueOn").asString()).isEqualTo("2026-03-11");
		assertThat(underReview.path("acceptance").isNull()).isTrue();
		assertThat(applicantSees.path("correctionReviewDueOn").asString()).isEqualTo("2026-03-11");
		assertThat(page).contains("补正材料审查期限").contains("2026-03-11 前");
		assertThat(afterTheReviewDay.path("acceptance").path("basis").asString()).isEqualTo("CORRECTIONS_UNREVIEWED");
		assertThat(afterTheReviewDay.path("acceptance").path("effectiveOn").asString()).isEqualTo("2026-03-04");
		assertThat(afterTheReviewDay.path("clocks").path("decisionDueOn").asString())
				.as("the bundle's 5 working days, from the corrections' day").isEqualTo("2026-03-11");
		assertThat(afterTheReviewDay.path("clocks").path("correctionReviewDueOn").isNull()).isTrue();
		assertThat(trailBeforeTheCheck).doesNotContain("ApplicationAccepted");
		assertThat(casework.auditTrail(id).map(e -> e.kind()).collectList().block())
				.as("the check records what the rule said").containsOnlyOnce("ApplicationAccepted");
		assertThat(casework.byId(id).block().file().acceptance().effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 4));
	}

	@Test
	void aCaseStoredBeforeCorrectionsHadAReviewLimitReadsWithFiveWorkingDays() throws Exception {
		String stored = new String(getClass().getResourceAsStream("/casework/case-stored-before-review-limit.json").readAllBytes(),
				StandardCharsets.UTF_8).replace("CASE-ID", id);
		db.sql("update casework_application set state = :state where id = :id").bind("state", Json.of(stored)).bind("id", UUID.fromString(id))
				.then().block();
		CLOCK.turnTo(LocalDate.of(2026, 3, 5));

		CaseFile underReview = casework.byId(id).block().file();
		CLOCK.turnTo(LocalDate.of(2026, 3, 12));
		CaseFile afterTheReviewDay = casework.byId(id).block().file();

		assertThat(underReview.terms().correctionReviewWorkingDays()).isEqualTo(5);
		assertThat(underReview.correctionReviewDueOn(casework.calendar())).contains(LocalDate.of(2026, 3, 11));
		assertThat(afterTheReviewDay.acceptance().basis()).isEqualTo(Acceptance.Basis.CORRECTIONS_UNREVIEWED);
		assertThat(afterTheReviewDay.acceptance().effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 4));
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
		return web.post().uri("/api/staff/cases/" + id + "/steps/" + step + "/" + decision)
				.headers(headers -> headers.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
				.exchange().expectBody(String.class).returnResult();
	}
}
