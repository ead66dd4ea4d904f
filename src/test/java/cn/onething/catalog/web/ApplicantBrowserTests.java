package cn.onething.catalog.web;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Guide;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant's phone, as near as a test gets: headless Chromium with a small WeChat-like screen and (in one test)
 * the enlarged default font many elderly applicants use. The pages carry no script at all, so they read and work
 * the same with JavaScript off; the tests check that instead of switching scripts off, which ChromeDriver needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicantBrowserTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	WebDriver browser;

	@BeforeEach
	void loadedCatalogue() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anApplicantFindsAGuideFromTheHomePageOnAPageWithoutScripts() {
		browser = phone(16);
		Guide guide = catalog.current().guides().get(0);
		String domainName = catalog.current().domain(guide.domainId()).orElseThrow().name();

		browser.get(base() + "/");
		browser.findElement(By.linkText(domainName + "\n" + catalog.current().guidesOf(guide.domainId()).size() + " 项")).click();
		browser.findElement(By.partialLinkText(guide.name())).click();

		assertThat(browser.getCurrentUrl()).endsWith("/g/" + guide.code());
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(guide.name());
		assertThat(browser.findElement(By.id("materials")).getText()).contains(guide.materials().get(0).name());
		assertThat(((JavascriptExecutor) browser).executeScript("return document.scripts.length")).isEqualTo(0L);
	}

	@Test
	void theSearchFormWorksAsAPlainForm() {
		browser = phone(16);
		browser.get(base() + "/");

		browser.findElement(By.id("q-top")).sendKeys("低保");
		browser.findElement(By.cssSelector(".top__search button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?q="));

		List<String> names = browser.findElements(By.cssSelector(".items__name")).stream().map(e -> e.getText()).toList();
		assertThat(names).anyMatch(name -> name.contains("最低生活保障"));
	}

	@Test
	void theLongestGuideFitsAPhoneScreenEvenWithLargeText() {
		Guide longest = catalog.current().guides().stream()
				.max(Comparator.comparingInt(g -> g.toString().length())).orElseThrow();
		for (int fontSize : new int[] { 16, 28 }) {
			browser = phone(fontSize);
			browser.get(base() + "/g/" + longest.code());

			Map<String, Long> widths = widths();
			assertThat(widths.get("scroll")).as("font size %d: page is wider than the screen", fontSize)
					.isLessThanOrEqualTo(widths.get("inner"));
			assertThat(widths.get("bodyFont")).as("body text grows with the phone's font setting")
					.isGreaterThanOrEqualTo(fontSize);
			browser.quit();
			browser = null;
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Long> widths() {
		return (Map<String, Long>) ((JavascriptExecutor) browser).executeScript("""
				return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
				        bodyFont: Math.round(parseFloat(getComputedStyle(document.body).fontSize))};""");
	}

	/** A 360-pixel-wide phone in WeChat's browser with the given default font size. */
	private static WebDriver phone(int defaultFontSize) {
		return HeadlessChromium.phone(360, 740, defaultFontSize);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
