package cn.onething.village.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import cn.onething.village.EntryDraft;
import cn.onething.village.Villages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's phone finds its village from the home page, and a screen in the hall moves from one entry to the next
 * with nobody touching it, in headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class VillageBrowserTests {

	static final StaffMember VILLAGE_STAFF = new StaffMember("township", "新宁镇村务公开员", null, Set.of(StaffRole.DISCLOSURE),
			"xinning");

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
	DatabaseClient db;

	WebDriver browser;
	LocalDate today;

	@BeforeEach
	void twoEntriesOfOneVillage() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
		villages.reload().block();
		db.sql("delete from village_audit").then().then(db.sql("delete from village_entry").then()).block();
		today = villages.today();
		publish("2026年第三季度村级财务收支", "village-finance", today.plusDays(30), Map.of(), null, null);
		publish("2026年耕地地力保护补贴发放公示", "farmland-protection-subsidy", today.plusDays(6),
				Map.of("amount", "每亩105元", "deadline", "2026年6月30日", "basis", "《广西壮族自治区耕地地力保护补贴实施方案》"),
				"黄*明 5.2亩 546元", "向新宁村村务监督委员会反映，电话0771-7521238");
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			HeadlessChromium.quitCheckingThePolicy(browser);
		}
	}

	@Test
	void aResidentFindsTheirVillageFromTheHomePageAndSeesTheDaysLeftToObject() {
		browser = HeadlessChromium.phone(360, 740, 16);
		browser.get(base() + "/");

		browser.findElement(By.linkText("村（居）务公开")).click();
		browser.findElement(By.partialLinkText("新宁镇")).click();
		browser.findElement(By.partialLinkText("新宁村民委员会")).click();

		assertThat(browser.getCurrentUrl()).endsWith("/places/xinning/xinning-village");
		String entries = browser.findElement(By.id("entries")).getText();
		assertThat(entries).contains("2026年耕地地力保护补贴发放公示", "还剩 6 天", "异议渠道：向新宁村村务监督委员会反映", "黄*明 5.2亩 546元",
				"2026年第三季度村级财务收支");
		assertThat(browser.findElement(By.partialLinkText("打印公示栏")).getAttribute("href"))
				.endsWith("/places/xinning/xinning-village/board.pdf");
	}

	@Test
	void theScreenShowsTheNextEntryByItself() {
		browser = HeadlessChromium.desk();
		browser.get(base() + "/places/xinning/xinning-village/screen?seconds=3");
		String first = shownTitle();

		String next = new WebDriverWait(browser, Duration.ofSeconds(20))
				.until(driver -> shownTitle().equals(first) ? null : shownTitle());
		String third = new WebDriverWait(browser, Duration.ofSeconds(20))
				.until(driver -> shownTitle().equals(next) ? null : shownTitle());

		// newest first: the subsidy started with the accounts, then comes the hall's notice
		assertThat(first).isIn("2026年耕地地力保护补贴发放公示", "2026年第三季度村级财务收支");
		assertThat(Set.of(first, next)).containsExactlyInAnyOrder("2026年耕地地力保护补贴发放公示", "2026年第三季度村级财务收支");
		assertThat(third).isEqualTo("扶绥县政务服务中心");
		assertThat(browser.findElements(By.cssSelector(".slide")).stream().filter(WebElement::isDisplayed).count()).isEqualTo(1);
	}

	private String shownTitle() {
		return browser.findElements(By.cssSelector(".slide h1")).stream().filter(WebElement::isDisplayed)
				.map(WebElement::getText).findFirst().orElse("");
	}

	private void publish(String title, String item, LocalDate endsOn, Map<String, String> figures, String recipients,
			String objection) {
		villages.publish(new EntryDraft("xinning", "xinning-village", item, title, "详见公示内容。", today.toString(),
				endsOn.toString(), objection, figures, recipients, null), VILLAGE_STAFF).block();
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
