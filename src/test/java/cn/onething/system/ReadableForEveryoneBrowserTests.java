package cn.onething.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.bundle.Bundles;
import cn.onething.casework.web.NewbornAnswers;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Guide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page an applicant can reach, on the smallest phone (320 CSS px) in WeChat's browser, with the phone's text at
 * 100% and at 200%: no serious or critical axe-core violation (contrast, labels, names, language …), nothing
 * scrolling sideways, every control at least 44 × 44 px, and text that really doubles. The 200% screens are kept in
 * {@code target/screenshots/} for a person to look at. The elder mode (长辈版) is one tap from every page and stays on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "onething.catalog.import-on-startup=false")
class ReadableForEveryoneBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** The pages' own links (the progress link, WeChat's sign-in return) lead back to this server. */
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

	@Autowired
	Bundles bundles;

	@Autowired
	JsonMapper json;

	WebDriver browser;

	@BeforeEach
	void shippedGuidesAndBundles() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			HeadlessChromium.quitCheckingThePolicy(browser);
		}
	}

	@Test
	void everyApplicantPageIsReadableAtNormalAndDoubleTextOnTheSmallestPhone() throws Exception {
		Map<String, String> pages = applicantPages();
		List<String> problems = new ArrayList<>();
		Map<String, Double> normalText = new LinkedHashMap<>();
		for (int fontSize : new int[] { 16, 32 }) {
			browser = HeadlessChromium.phone(320, 640, fontSize);
			for (Map.Entry<String, String> page : pages.entrySet()) {
				browser.get(base() + page.getValue());
				String where = page.getKey() + " at " + (fontSize * 100 / 16) + "% text: ";
				AccessibilityCheck.seriousViolations(browser).forEach(violation -> problems.add(where + violation));
				long overflow = AccessibilityCheck.sidewaysOverflow(browser);
				if (overflow > 0) {
					problems.add(where + "scrolls sideways by " + overflow + " px");
				}
				AccessibilityCheck.smallTapTargets(browser).forEach(small -> problems.add(where + "small tap target " + small));
				double text = AccessibilityCheck.bodyFontSize(browser);
				if (fontSize == 16) {
					normalText.put(page.getKey(), text);
				}
				else {
					if (text < 1.95 * normalText.get(page.getKey())) {
						problems.add(where + "text is " + text + " px, not twice " + normalText.get(page.getKey()));
					}
					screenshot(page.getKey());
				}
			}
			HeadlessChromium.quitCheckingThePolicy(browser);
			browser = null;
		}

		assertThat(problems).as("pages checked: %s", pages.keySet()).isEmpty();
	}

	@Test
	void theElderModeIsOneTapFromEveryPageAndStaysOnUntilTurnedOff() throws Exception {
		Map<String, String> pages = applicantPages();
		browser = HeadlessChromium.phone(360, 740, 16);
		browser.get(base() + "/");
		double normal = AccessibilityCheck.bodyFontSize(browser);

		browser.findElement(By.xpath("//button[normalize-space(.)='长辈版']")).click();
		new WebDriverWait(browser, Duration.ofSeconds(5)).until(page -> elderMode());
		double elder = AccessibilityCheck.bodyFontSize(browser);
		assertThat(elder).as("larger type").isGreaterThanOrEqualTo(1.3 * normal);

		for (Map.Entry<String, String> page : pages.entrySet()) {
			browser.get(base() + page.getValue());
			assertThat(elderMode()).as("%s remembers the elder mode", page.getKey()).isTrue();
			assertThat(AccessibilityCheck.sidewaysOverflow(browser)).as("%s in elder mode", page.getKey()).isZero();
			assertThat(AccessibilityCheck.seriousViolations(browser)).as("%s in elder mode", page.getKey()).isEmpty();
			assertThat(browser.findElements(By.xpath("//button[normalize-space(.)='标准版']")))
					.as("%s offers the way back", page.getKey()).hasSize(1);
		}

		browser.findElement(By.xpath("//button[normalize-space(.)='标准版']")).click();
		browser.get(base() + "/bundles");
		assertThat(elderMode()).as("turned off, and that is remembered too").isFalse();
		assertThat(AccessibilityCheck.bodyFontSize(browser)).isEqualTo(normal);
	}

	private boolean elderMode() {
		return (Boolean) ((JavascriptExecutor) browser).executeScript("return document.documentElement.classList.contains('elder');");
	}

	/** Each kind of page an applicant can open, by a name for the report, with one case filed for its pages. */
	private Map<String, String> applicantPages() {
		Guide longest = catalog.current().guides().stream().max(Comparator.comparingInt(g -> g.toString().length())).orElseThrow();
		String progress = fileANewbornCase();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("domain", "/domains/" + longest.domainId());
		pages.put("longest guide", "/g/" + longest.code());
		pages.put("guide versions", "/g/" + longest.code() + "/versions");
		pages.put("search", "/search?q=出生");
		pages.put("search without results", "/search?q=没有这样的事项");
		pages.put("search finding disclosure items", "/search?q=审核确认结果");
		pages.put("open data", "/open-data");
		pages.put("bundles", "/bundles");
		pages.put("bundle", "/bundles/newborn");
		pages.put("bundle form", "/bundles/newborn/form");
		pages.put("case look-up", "/cases");
		pages.put("case progress", progress);
		pages.put("WeChat unbinding", progress.replace("?k=", "/wechat/unbind?k=") + "&w=no-such-binding");
		pages.put("townships", "/places");
		pages.put("township", "/places/bapen");
		pages.put("village", "/places/bapen/napai");
		pages.put("consultation", "/questions?about=g:" + longest.code());
		pages.put("not found", "/no-such-page");
		return pages;
	}

	private String fileANewbornCase() {
		Map<String, Object> answers = new LinkedHashMap<>();
		NewbornAnswers.valid(bundles.bundle("newborn").orElseThrow()).forEach((key, value) ->
				answers.put(key, value.equals("false") || value.equals("true") ? Boolean.valueOf(value) : value));
		String receipt = WebTestClient.bindToServer().baseUrl(base()).responseTimeout(Duration.ofSeconds(30)).build()
				.post().uri("/api/applications").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.bodyValue(Map.of("bundle", "newborn", "form", answers))
				.exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
		return json.readTree(receipt).path("progressUrl").asString().replaceFirst("^https?://[^/]+", "");
	}

	private void screenshot(String page) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve("200pct-" + page.replace(' ', '-') + ".png"),
				((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
