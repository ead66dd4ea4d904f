package cn.onething.casework.web.applicant;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.catalog.Catalog;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the applicant is told of a refusal and of a non-acceptance, on the progress page (in headless Chromium, as a
 * phone shows it) and in the API: each item that did not end granted with its reason, the written decision and the
 * remedies with the bodies to address. Cases come from the serial newborn fixture: 出生登记 (公安), then 医保参保 (医保).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onething.catalog.import-on-startup=false")
class RefusalProgressTests {

	static final Applicant ZHANG = new Applicant("张三丰", "45142119900101123X", "13812345678");
	static final Actor POLICE = new Actor(Actor.Kind.REVIEWER, "police", "公安审核员");

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
	CaseLinks links;

	@Autowired
	JsonMapper json;

	WebTestClient web;

	@BeforeEach
	void catalogue() {
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		// item and department names come from the catalogue: have it loaded rather than race the import at start-up
		catalog.importGuides("test").block();
	}

	@Test
	void aRefusedCasesProgressPageShowsEachEndedItemWithItsReasonAndTheRemedies() {
		HeadlessChromium.assumeInstalled();
		StoredCase refused = refusedRegistration();
		WebDriver phone = HeadlessChromium.phone(390, 844, 16);
		try {
			phone.get("http://localhost:" + port + links.progressPath(refused.file().receiptCode()));

			WebElement section = phone.findElement(By.id("refusals"));
			assertThat(section.isDisplayed()).isTrue();
			assertThat(section.getText()).contains("不予批准的事项", "出生登记", "不予批准", "原因：申请人户籍不在本县，不符合出生登记条件",
					"医保参保", "已终止", "原因：因前序环节“出生登记”不予许可，本环节终止", "救济途径",
					"60日内向扶绥县人民政府申请行政复议", "6个月内直接向扶绥县人民法院提起行政诉讼");
			WebElement decision = section.findElement(By.linkText("下载不予行政许可决定书（PDF）"));
			assertThat(decision.getAttribute("href")).contains("/cases/" + refused.file().receiptCode() + "/refusals/hukou.pdf?k=");
			assertThat(section.findElements(By.linkText("下载不予行政许可决定书（PDF）"))).as("only the refusal has a decision").hasSize(1);
			web.get().uri(decision.getAttribute("href")).exchange().expectStatus().isOk()
					.expectHeader().contentType(MediaType.APPLICATION_PDF);
		}
		finally {
			HeadlessChromium.quitCheckingThePolicy(phone);
		}
	}

	@Test
	void theApiGivesEachEndedItemItsReasonTheDecisionAndTheRemedies() {
		StoredCase refused = refusedRegistration();

		JsonNode refusals = progress(refused).path("refusals");

		assertThat(refusals.path("notAccepted").isNull()).isTrue();
		JsonNode hukou = refusals.path("steps").get(0);
		JsonNode insurance = refusals.path("steps").get(1);
		assertThat(hukou.path("ending").asString()).isEqualTo("REFUSED");
		assertThat(hukou.path("reason").asString()).isEqualTo("申请人户籍不在本县，不符合出生登记条件");
		assertThat(hukou.path("items").get(0).path("code").asString()).isEqualTo("000707001000");
		assertThat(hukou.path("decisionUrl").asString()).startsWith("/cases/" + refused.file().receiptCode() + "/refusals/hukou.pdf?k=");
		assertThat(insurance.path("ending").asString()).isEqualTo("ENDED_BY_REFUSAL");
		assertThat(insurance.path("causeStepId").asString()).isEqualTo("hukou");
		assertThat(insurance.path("decisionUrl").isNull()).isTrue();
		JsonNode remedies = refusals.path("remedies");
		assertThat(remedies.path("reviewBody").asString()).isEqualTo("扶绥县人民政府");
		assertThat(remedies.path("reviewWithinDays").asInt()).isEqualTo(60);
		assertThat(remedies.path("court").asString()).isEqualTo("扶绥县人民法院");
		assertThat(remedies.path("suitWithinMonths").asInt()).isEqualTo(6);
	}

	@Test
	void theApiAndThePageTellANotAcceptedApplicantWhereToApplyInstead() {
		StoredCase stored = casework.submit(TermsFixture.serialTerms(), ZHANG, Map.of(), Map.of(), List.of(), Actor.applicant()).block();
		StoredCase turnedAway = casework.act(stored.file().id(), new Actor(Actor.Kind.WINDOW, "window", "一窗受理"),
				file -> ctx -> file.refuseToAccept("户籍不在本县", "南宁市公安局青秀分局", ctx)).block();

		JsonNode progress = progress(turnedAway);
		String page = web.get().uri(links.progressPath(turnedAway.file().receiptCode())).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

		assertThat(progress.path("completion").path("result").path("code").asString()).isEqualTo("NOT_ACCEPTED");
		assertThat(progress.path("refusals").path("notAccepted").path("referTo").asString()).isEqualTo("南宁市公安局青秀分局");
		assertThat(progress.path("refusals").path("notAccepted").path("decisionUrl").asString()).contains("/non-acceptance.pdf?k=");
		assertThat(progress.path("refusals").path("steps")).allSatisfy(step ->
				assertThat(step.path("reason").asString()).isEqualTo("不予受理：户籍不在本县"));
		assertThat(page).contains("决定不予受理。理由：户籍不在本县", "请向南宁市公安局青秀分局申请。", "下载不予受理通知书（PDF）",
				"扶绥县人民政府申请行政复议");
	}

	private StoredCase refusedRegistration() {
		StoredCase stored = casework.submit(TermsFixture.serialTerms(), ZHANG, Map.of(), Map.of(), List.of(), Actor.applicant()).block();
		return casework.act(stored.file().id(), POLICE, file -> ctx -> file.refuse("hukou", "申请人户籍不在本县，不符合出生登记条件", ctx))
				.block();
	}

	private JsonNode progress(StoredCase stored) {
		return json.readTree(web.get().uri("/api/applications/" + stored.file().receiptCode()).header("X-Phone-Last4", "5678")
				.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}
}
