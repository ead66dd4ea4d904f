package cn.onething.catalog.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import cn.onething.system.FreePort;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
 * the enlarged default font many elderly applicants use. The pages carry no script but the 长辈版 switch, so they read and work
 * the same with JavaScript off; the tests check that instead of switching scripts off, which ChromeDriver needs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ApplicantBrowserTests {

	/**
	 * The port is chosen before the server starts so that the public address the QR codes hold is this server's
	 * own: a code scanned in a test then leads to the test's server, not to a production default.
	 */
	static final int PORT = FreePort.pick();

	@DynamicPropertySource
	static void databaseAndAddress(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("server.port", () -> PORT);
		registry.add("onething.catalog.public-base-url", () -> "http://localhost:" + PORT);
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
			HeadlessChromium.quitCheckingThePolicy(browser);
		}
	}

	@Test
	void anApplicantFindsAGuideFromTheHomePageByPlainLinks() {
		browser = phone(16);
		Guide guide = catalog.current().guides().get(0);
		String domainName = catalog.current().domain(guide.domainId()).orElseThrow().name();

		browser.get(base() + "/");
		browser.findElement(By.linkText(domainName + "\n" + catalog.current().guidesOf(guide.domainId()).size() + " 项")).click();
		browser.findElement(By.partialLinkText(guide.name())).click();

		assertThat(browser.getCurrentUrl()).endsWith("/g/" + guide.code());
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(guide.name());
		assertThat(browser.findElement(By.id("materials")).getText()).contains(guide.materials().get(0).name());
		assertThat(((JavascriptExecutor) browser).executeScript("return [...document.scripts].map(s => new URL(s.src).pathname)"))
				.as("no script but the 长辈版 switch").isEqualTo(List.of("/static/js/elder.js"));
	}

	@Test
	void aKeptGuidePageSaysLongPressTheCodeInsideWechatAndScanItElsewhere() {
		Guide guide = catalog.current().guides().get(1);
		WebDriver desk = HeadlessChromium.desk();
		try {
			// the desk asks first, so the page is rendered for it and then kept for every browser that follows
			desk.get(base() + "/g/" + guide.code());
			assertThat(desk.findElement(By.cssSelector("#qr h2")).getText()).isEqualTo("扫描二维码查看本指南");
		}
		finally {
			HeadlessChromium.quitCheckingThePolicy(desk);
		}
		browser = phone(16);
		browser.get(base() + "/g/" + guide.code());

		assertThat(browser.findElement(By.cssSelector("#qr h2")).getText()).isEqualTo("长按识别二维码查看本指南");
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
	void scanningAGuidesQrCodeOpensThatGuideOnThePhone() throws Exception {
		// any guide will do; one from the middle of the catalogue, not the first that other tests use
		List<Guide> guides = catalog.current().guides();
		Guide guide = guides.get(guides.size() / 2);
		browser = phone(16);

		String fromPng = QrImages.decode(download("/g/" + guide.code() + "/qr.png"));
		browser.get(base() + "/g/" + guide.code() + "/qr.svg");
		String fromSvg = QrImages.decode(((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		browser.get(fromPng);

		assertThat(fromSvg).isEqualTo(fromPng);
		assertThat(browser.getCurrentUrl()).isEqualTo(fromPng).startsWith(base() + "/");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(guide.name());
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(guide.code());
	}

	@Test
	void searchingChushengOnThePhoneFindsEveryBirthRelatedGuideFirstAndNothingThatDoesNotMentionIt() {
		String term = "出生";
		Set<String> birthRelated = catalog.current().guides().stream()
				.filter(g -> (g.name() + g.aliases() + g.materials().stream().map(Material::name).toList()).contains(term))
				.map(Guide::code).collect(Collectors.toSet());
		Set<String> mentioningIt = catalog.current().guides().stream().filter(g -> g.toString().contains(term))
				.map(Guide::code).collect(Collectors.toSet());
		browser = phone(16);
		browser.get(base() + "/");

		browser.findElement(By.id("q-top")).sendKeys(term);
		browser.findElement(By.cssSelector(".top__search button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?q="));

		List<String> found = browser.findElements(By.cssSelector("#hits a")).stream()
				.map(link -> link.getDomAttribute("href").replaceFirst(".*/g/", "")).toList();
		assertThat(birthRelated).as("the shipped catalogue has birth-related guides").hasSizeGreaterThanOrEqualTo(5);
		assertThat(found.subList(0, Math.min(found.size(), birthRelated.size())))
				.as("the guides whose name, aliases or materials say 出生 come first").containsExactlyInAnyOrderElementsOf(birthRelated);
		assertThat(found).as("every hit mentions 出生 somewhere in its guide").allMatch(mentioningIt::contains);
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
			HeadlessChromium.quitCheckingThePolicy(browser);
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

	private byte[] download(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}
}
