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
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.catalog.Catalog;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's phone, in headless Chromium, shows the expected completion date the calendar gives and a special
 * procedure under way with its reason and expected end (行政许可法 §45).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class TimeLimitsBrowserTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Casework casework;

	@Autowired
	Catalog catalog;

	@Autowired
	CaseLinks links;

	@Autowired
	DatabaseClient db;

	@Test
	void theProgressPageShowsTheExpectedCompletionDateAndARunningSuspension() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
		StoredCase stored = casework.submit(TermsFixture.parallelTerms(), new Applicant("张三丰", "45142119900101123X", "13812345678"),
				Map.of(), Map.of(), List.of(), Actor.applicant()).block();
		String id = stored.file().id();
		// received long ago without a notice: accepted from that day by 行政许可法 §32(4)
		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = '" + id + "'")
				.then().block();
		StoredCase suspended = casework.act(id, new Actor(Actor.Kind.REVIEWER, "police", "公安审核员"), file -> ctx -> file
				.startSpecialProcedure("hukou", SpecialProcedure.Kind.SURVEY, "需要核实实际居住地址", ctx.today(), ctx.today().plusDays(5), ctx))
				.block();
		String expected = CaseSchedule.of(suspended.file(), casework.calendar()).expectedCompletionOn().orElseThrow().toString();

		WebDriver phone = HeadlessChromium.phone(390, 844, 16);
		try {
			phone.get("http://localhost:" + port + links.progressPath(stored.file().receiptCode()));

			assertThat(phone.findElement(By.id("expected-completion")).getText()).isEqualTo(expected);
			String running = phone.findElement(By.cssSelector("#suspensions li.running")).getText();
			assertThat(running).contains("出生登记：现场勘验", casework.today() + " 起计时中止", "预计 " + casework.today().plusDays(5) + " 结束（进行中）",
					"理由：需要核实实际居住地址");
			assertThat(phone.findElement(By.id("time-limits")).isDisplayed()).isTrue();
		}
		finally {
			HeadlessChromium.quitCheckingThePolicy(phone);
		}
	}
}
