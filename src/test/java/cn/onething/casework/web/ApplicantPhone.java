package cn.onething.casework.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import cn.onething.system.AccessibilityCheck;
import cn.onething.system.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An applicant on a 390×844 phone in WeChat's browser. Finds everything by what the screen says (link texts,
 * labels, questions, buttons, headings), never by how the page is built, so a test reads like the applicant's own
 * account of what they did.
 */
final class ApplicantPhone implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final WebDriver browser = HeadlessChromium.phone(390, 844, 16);
	private final WebDriverWait wait = new WebDriverWait(browser, TIMEOUT);
	private final String base;

	ApplicantPhone(String base) {
		this.base = base;
	}

	/**
	 * From the home page: 一件事一次办 → the bundle → 立即办理, the bar at the bottom of the screen a thumb reaches.
	 * Not 填写申请表 at the end of the page: the driver scrolls a link only to the screen's bottom edge, under the bar.
	 */
	void opensTheFormOf(String bundleName) {
		browser.get(base + "/");
		follows("一件事一次办");
		follows(bundleName);
		follows("立即办理");
		wait.until(ExpectedConditions.titleContains("申请表"));
	}

	void types(String label, String text) {
		WebElement field = fieldLabelled(label);
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Types a date the way the phone's date field wants it: its parts in the order of the browser's locale
	 * (year/month/day on a Chinese phone; Debian's chromium without language packs is en-US, month/day/year).
	 */
	@SuppressWarnings("unchecked")
	void entersDate(String label, LocalDate date) {
		List<String> order = (List<String>) ((JavascriptExecutor) browser).executeScript("return new Intl.DateTimeFormat()"
				+ ".formatToParts(new Date(2001, 10, 22)).filter(p => p.type !== 'literal').map(p => p.type)");
		StringBuilder keys = new StringBuilder();
		for (String part : order) {
			keys.append(switch (part) {
				case "year" -> String.format("%04d", date.getYear());
				case "month" -> String.format("%02d", date.getMonthValue());
				default -> String.format("%02d", date.getDayOfMonth());
			});
		}
		WebElement field = fieldLabelled(label);
		field.sendKeys(keys);
		if (!date.toString().equals(field.getDomProperty("value"))) {
			throw new IllegalStateException(label + ": typed " + keys + " in the order " + order + " but the field holds "
					+ field.getDomProperty("value"));
		}
	}

	void chooses(String question, String answer) {
		browser.findElement(By.xpath("//fieldset[legend[starts-with(normalize-space(.), '" + question + "')]]"
				+ "//label[normalize-space(.)='" + answer + "']")).click();
	}

	/** Picks a file for the file field labelled with the material's name (or 上传：name on the progress page). */
	void attaches(String label, Path file) {
		fieldLabelled(label).sendKeys(file.toAbsolutePath().toString());
	}

	/**
	 * Presses a button that sends a form, and waits until the answer has replaced the page: a mark left in the old
	 * page is gone from the new one. The mark is an element, not a variable of the window: a form sent by the page's
	 * script (static/js/upload.js) shows a sent-back form in the same window. (Waiting for the old page's elements to
	 * go stale is not enough: chromedriver may answer for them with an inspector error instead.)
	 */
	void presses(String button) {
		leavesThePageBy(() -> browser.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click());
	}

	/**
	 * Sends the form as a browser without the page's script would (its own checks never run), to see what the server
	 * answers on its own.
	 */
	void sendsTheFormPastThePagesChecks() {
		leavesThePageBy(() -> ((JavascriptExecutor) browser).executeScript("document.querySelector('form[data-schema]').submit()"));
	}

	private void leavesThePageBy(Runnable action) {
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("var mark = document.createElement('meta'); mark.id = 'left-by-the-test'; document.head.appendChild(mark)");
		action.run();
		new WebDriverWait(browser, TIMEOUT).ignoring(WebDriverException.class).until(driver -> Boolean.TRUE.equals(
				script.executeScript("return document.getElementById('left-by-the-test') === null && document.readyState === 'complete'")));
	}

	/** Back to the page before, as with the phone's back key. */
	void goesBack() {
		browser.navigate().back();
	}

	/** From the home page: 查询办理进度, the receipt code and the last four digits of the phone. */
	void looksUp(String receiptCode, String phoneTail) {
		browser.get(base + "/");
		follows("查询办理进度");
		types("回执编号", receiptCode);
		types("手机号码后四位", phoneTail);
		presses("查询");
	}

	void follows(String linkText) {
		String before = browser.getCurrentUrl();
		browser.findElement(By.partialLinkText(linkText)).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
	}

	/** The value of the field labelled so, as the page holds it now. */
	String valueOf(String label) {
		return fieldLabelled(label).getDomProperty("value");
	}

	/** The text of the page section under this heading. */
	String section(String heading) {
		return browser.findElement(By.xpath("//section[h2[starts-with(normalize-space(.), '" + heading + "')]]")).getText();
	}

	boolean showsSection(String heading) {
		return !browser.findElements(By.xpath("//section[h2[starts-with(normalize-space(.), '" + heading + "')]]")).isEmpty();
	}

	/** What the page answers in its status or alert line. */
	String message() {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status], [role=alert]"))).getText();
	}

	/** The facts list of the progress page: the value next to a term such as 回执编号 or 当前状态. */
	String fact(String term) {
		return browser.findElement(By.xpath("//dt[normalize-space(.)='" + term + "']/following-sibling::dd[1]")).getText();
	}

	String linkTo(String linkText) {
		return browser.findElement(By.partialLinkText(linkText)).getDomAttribute("href");
	}

	String title() {
		return browser.getTitle();
	}

	String pageText() {
		return browser.findElement(By.tagName("body")).getText();
	}

	String url() {
		return browser.getCurrentUrl();
	}

	/** Waits for the page whose title says this, after a click that leaves the page. */
	void waitsForPage(String title) {
		wait.until(ExpectedConditions.titleContains(title));
	}

	/** Presses a button that the page's own checks keep from sending: waits for the first problem they show. */
	void triesToSend(String button) {
		browser.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-check.field-problem")));
	}

	/** The phone loses its connection (Chromium's network emulation: every request fails), or gets it back. */
	void isOffline(boolean offline) {
		((HasNetworkConditions) browser).setNetworkConditions(networkConditions(offline));
	}

	private static ChromiumNetworkConditions networkConditions(boolean offline) {
		var conditions = new ChromiumNetworkConditions();
		conditions.setOffline(offline);
		return conditions;
	}

	/** Presses a button whose form cannot go out: waits for what the page says about the upload. */
	String triesToSendOffline(String button) {
		browser.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click();
		return wait.until(driver -> {
			String said = driver.findElement(By.cssSelector(".upload-progress")).getText();
			return said.contains("网络中断") ? said : null;
		});
	}

	/** Opens an address of the service directly, as from a bookmark or the phone's history: a new page load. */
	void opens(String path) {
		browser.get(base + path);
	}

	/** Presses a button whose form the page's own upload checks keep from sending: waits for what they say. */
	void triesToUpload(String button) {
		browser.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".upload-check")));
	}

	/** What the page says under the file field labelled with the material's name: empty when nothing. */
	String saysUnderFile(String label) {
		return fieldLabelled(label).findElement(By.xpath("ancestor::div[contains(@class, 'upload')][1]"))
				.findElements(By.cssSelector(".field-problem, .upload-check, .kept")).stream().filter(WebElement::isDisplayed)
				.map(WebElement::getText).reduce((a, b) -> a + " " + b).orElse("");
	}

	/**
	 * Remembers, in the tab's session storage (which outlives the page), the first text the upload progress showed:
	 * on loopback an upload is over before a test could look at the page.
	 */
	void recordsTheUploadProgress() {
		((JavascriptExecutor) browser).executeScript("""
				new MutationObserver(function () {
				  var box = document.querySelector('.upload-progress');
				  if (box && !box.hidden && box.querySelector('progress') && !sessionStorage.getItem('progressSeen')) {
				    sessionStorage.setItem('progressSeen', box.innerText);
				  }
				}).observe(document.body, { childList: true, subtree: true, characterData: true });""");
	}

	/** What the upload progress showed first, as recorded by {@link #recordsTheUploadProgress()}; null if never. */
	String uploadProgressSeen() {
		return (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('progressSeen')");
	}

	/** The serious and critical axe-core violations of the page as it is now. */
	List<String> accessibilityViolations() {
		return AccessibilityCheck.seriousViolations(browser);
	}

	/** Waits until the form's own checks are ready (they read their rules from the server first). */
	void waitsForTheFormsChecks() {
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("form[data-schema]"), "data-checks", "ready"));
	}

	/**
	 * Leaves the field labelled so, as a thumb tapping the next one does, and lets the page show what it says about
	 * it before the next tap (a line appearing under the field moves what is below it).
	 */
	void leaves(String label) {
		((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
				fieldLabelled(label));
	}

	/** What the page says under the question, from its own check or the server's: empty when nothing. */
	String saysUnder(String label) {
		WebElement question = questionSection(label);
		return question.findElements(By.cssSelector(".field-problem, .field-check")).stream()
				.filter(WebElement::isDisplayed).map(WebElement::getText).reduce((a, b) -> a + " " + b).orElse("");
	}

	/** Whether the form shows this question now (a question is a label or a choice's legend). */
	boolean asks(String label) {
		return questionSection(label).isDisplayed();
	}

	/** Waits until the page's upload script has read the server's limits (static/js/upload.js). */
	void waitsForTheUploadChecks() {
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("form[enctype='multipart/form-data']"), "data-uploads", "ready"));
	}

	/** The labels of the file fields: the materials the form asks for. */
	List<String> materialsAsked() {
		return browser.findElements(By.cssSelector("input[type=file]")).stream()
				.map(input -> browser.findElement(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']")).getText())
				.toList();
	}

	private WebElement questionSection(String label) {
		return browser.findElement(By.xpath("//section[@data-field][.//label[starts-with(normalize-space(.), '" + label
				+ "')] or .//legend[starts-with(normalize-space(.), '" + label + "')]]"));
	}

	private WebElement fieldLabelled(String label) {
		WebElement element = browser.findElement(By.xpath("//label[starts-with(normalize-space(.), '" + label + "')]"));
		return browser.findElement(By.id(element.getDomAttribute("for")));
	}

	@Override
	public void close() {
		HeadlessChromium.quitCheckingThePolicy(browser);
	}
}
