package cn.onething.consultation;

import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import cn.onething.village.Villages;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 办事咨询 on PostgreSQL: a question with a phone from a village's page, overdue in the console once its time is up
 * (here a millisecond), answered by the committee's disclosure staff and, reviewed, published as a FAQ.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.consultation.answer-within=1ms" })
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
	void anUnansweredQuestionIsOverdueInTheConsoleThenAnsweredAndPublishedAsAFaq() {
		assertThat(web.get().uri("/places/xinning/chengdong").exchange().expectBody(String.class).returnResult().getResponseBody())
				.contains("/questions?about=" + ABOUT);
		assertThat(ask("低保公示期是几天？", "13877112345").getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

		StaffSession village = StaffSession.signedIn(web, "village", DemoAccounts.PASSWORD);
		String console = village.page("/staff/questions");
		assertThat(console).contains("已超期", "城东社区居委会", "低保公示期是几天？", "13877112345");
		String id = db.sql("select id from consultation_question").map(row -> row.get(0, java.util.UUID.class)).one().block().toString();

		StaffSession window = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD);
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
