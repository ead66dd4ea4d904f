package cn.onething.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The Debian packages {@code chromium} and {@code chromium-driver}, headless, as the browser tests' screens: a desk
 * in the hall and an applicant's phone in WeChat's browser. Each call starts a browser of its own, with its own
 * cookies, so two staff members in one test are two sessions.
 */
public final class HeadlessChromium {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	public static final String WECHAT_ANDROID = "Mozilla/5.0 (Linux; Android 12; HUAWEI) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/107.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560 NetType/4G Language/zh_CN";

	private HeadlessChromium() {
	}

	/** Skips the test without a browser, unless {@code ONETHING_REQUIRE_BROWSER=true} (CI) makes that a failure. */
	public static void assumeInstalled() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && "true".equals(System.getenv("ONETHING_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("Chromium and chromedriver are required (apt-get install chromium chromium-driver)");
		}
		Assumptions.assumeTrue(present, "Chromium is not installed; .ci/run installs it");
	}

	/** A desk screen in the hall. */
	public static WebDriver desk() {
		ChromeOptions options = options();
		options.addArguments("--window-size=1280,900", "--lang=zh-CN");
		return start(options);
	}

	/** A phone of the given screen size in WeChat's browser, with the given default font size. */
	public static WebDriver phone(int width, int height, int defaultFontSize) {
		ChromeOptions options = options();
		options.addArguments("--lang=zh-CN");
		options.setExperimentalOption("mobileEmulation", Map.of(
				"deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 3.0),
				"userAgent", WECHAT_ANDROID));
		options.setExperimentalOption("prefs", Map.of("webkit.webprefs.default_font_size", defaultFontSize));
		return start(options);
	}

	/**
	 * Fails when a page the browser showed broke the Content-Security-Policy (its console says what was refused),
	 * then closes the browser: every browser test checks that the pages work under the policy.
	 */
	public static void quitCheckingThePolicy(WebDriver browser) {
		try {
			List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
					.filter(message -> message.contains("Content Security Policy")).toList();
			if (!refused.isEmpty()) {
				throw new AssertionError("the pages broke their Content-Security-Policy: " + refused);
			}
		}
		finally {
			browser.quit();
		}
	}

	private static ChromeOptions options() {
		ChromeOptions options = new ChromeOptions();
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage");
		return options;
	}

	private static WebDriver start(ChromeOptions options) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
		return new ChromeDriver(service, options);
	}
}
