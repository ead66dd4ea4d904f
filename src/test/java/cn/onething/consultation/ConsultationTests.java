package cn.onething.consultation;

import java.time.Instant;

import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.notification.MovableClock;
import cn.onething.system.TestDatabase;
import cn.onething.village.Villages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 办事咨询 on PostgreSQL: a question with a phone from a village's page, overdue in the console once its three working
 * days are up (counted by the working-day calendar across 国庆节 and its 调休 Saturday, and across 元旦 into 2027),
 * its phone shown only to those who may answer it, answered by the committee's disclosure staff and, reviewed,
 * published as a FAQ.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.consultation.answer-working-days=3" })
@Import(MovableClock.AsTheServicesClock.class)
class ConsultationTests {

	static final String ABOUT = "v:xinning:chengdong";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Villages villages;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	DatabaseClient db;

	@Autowired
	MovableClock clock;

	WebTestClient web;

	@BeforeEach
	void places() {
		catalog.importGuides("test").block();
		villages.reload().block();
		demoAccounts.create().block();
		db.sql("delete from consultation_question").then().block();
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aQuestionWithoutAValidPhoneIsRefusedNamingThePhoneAndNothingIsStored() {
		EntityExchangeResult<String> refused = ask("低保公示期是几天？", "12345");

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("data-field=\"phone\"", "联系电话应为11位手机号码");
		assertThat(db.sql("select count(*) from consultation_question").map(row -> row.get(0, Long.class)).one().block()).isZero();
		web.get().uri("/questions?about=v:xinning:nowhere").exchange().expectStatus().isNotFound();
	}

	@Test
	void threeWorkingDaysFromTheEveOfNationalDayEndOnTheAdjustedWorkingSaturdayAfterTheHoliday() {
		clock.moveTo(Instant.parse("2026-09-30T02:00:00Z")); // 10:00 in China, the Wednesday before 国庆节
		assertThat(ask("国庆期间能办理低保申请吗？", "13877112345").getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

		clock.moveTo(Instant.parse("2026-10-10T15:59:00Z")); // 23:59 on Saturday 10 October, a 调休 working day
		assertThat(StaffSession.signedIn(web, "village", DemoAccounts.PASSWORD).page("/staff/questions"))
				.contains("答复期限 2026-10-10（3个工作日）").doesNotContain("已超期");

		clock.moveTo(Instant.parse("2026-10-10T16:00:00Z"));
		assertThat(StaffSession.signedIn(web, "village", DemoAccounts.PASSWORD).page("/staff/questions")).contains("已超期");
	}

	@Test
	void anUnansweredQuestionIsOverdueInTheConsoleAfterNewYearThenAnsweredAndPublishedAsAFaq() {
		assertThat(web.get().uri("/places/xinning/chengdong").exchange().expectBody(String.class).returnResult().getResponseBody())
				.contains("/questions?about=" + ABOUT);
		clock.moveTo(Instant.parse("2026-12-31T02:00:00Z")); // Thursday; 1 January 2027 is 元旦, then a weekend
		assertThat(ask("低保公示期是几天？", "13877112345").getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

		clock.moveTo(Instant.parse("2027-01-06T15:59:00Z"));
		assertThat(StaffSession.signedIn(web, "village", DemoAccounts.PASSWORD).page("/staff/questions"))
				.contains("答复期限 2027-01-06（3个工作日）").doesNotContain("已超期");

		clock.moveTo(Instant.parse("2027-01-06T16:00:00Z")); // midnight in China: the 7th
		StaffSession village = StaffSession.signedIn(web, "village", DemoAccounts.PASSWORD);
		String console = village.page("/staff/questions");
		assertThat(console).contains("已超期", "城东社区居委会", "低保公示期是几天？", "13877112345");
		String id = db.sql("select id from consultation_question").map(row -> row.get(0, java.util.UUID.class)).one().block().toString();

		StaffSession window = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD);
		assertThat(window.page("/staff/questions")).as("the window does not answer a committee's questions")
				.contains("低保公示期是几天？", "仅答复部门可见").doesNotContain("13877112345");
		assertThat(StaffSession.signedIn(web, "township", DemoAccounts.PASSWORD).page("/staff/questions"))
				.as("the committee's township answers it").contains("13877112345");
		assertThat(window.submit("/staff/questions", "/staff/questions/" + id + "/answer",
				StaffSession.form("answer", "七天")).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(village.submit("/staff/questions", "/staff/questions/" + id + "/answer",
				StaffSession.form("answer", "公示期为7天，期间可向村务监督委员会提出异议。", "faq", "yes")).getStatus())
				.isEqualTo(HttpStatus.SEE_OTHER);

		assertThat(village.page("/staff/questions")).doesNotContain("已超期").contains("已公开");
		String questions = web.get().uri("/questions?about=" + ABOUT).accept(MediaType.TEXT_HTML).exchange()
				.expectBody(String.class).returnResult().getResponseBody();
		assertThat(questions).contains("问：低保公示期是几天？", "答：公示期为7天，期间可向村务监督委员会提出异议。")
				.doesNotContain("13877112345");
	}

	private EntityExchangeResult<String> ask(String question, String phone) {
		return web.post().uri("/questions").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("about", ABOUT).with("question", question).with("phone", phone))
				.exchange().expectBody(String.class).returnResult();
	}
}
