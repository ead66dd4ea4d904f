package cn.onething.casework.web;

import java.time.Duration;
import java.util.List;

import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A staff member at a desk in the hall, signed in with a demo account in a browser of their own (own cookies). Works
 * the console by what it shows: the queue's receipt codes, each step's decision forms under their heading, labels.
 */
final class StaffDesk implements AutoCloseable {

	/** One material a reviewer asks to have corrected, with the words the applicant will read. */
	record Finding(String materialName, boolean defective, String reason) {
	}

	private final WebDriver browser = HeadlessChromium.desk();
	private final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	private final String base;

	private StaffDesk(String base) {
		this.base = base;
	}

	static StaffDesk signIn(String base, String username) {
		StaffDesk desk = new StaffDesk(base);
		desk.browser.get(base + "/staff");
		desk.wait.until(ExpectedConditions.urlContains("/staff/login"));
		desk.fieldLabelled("用户名").sendKeys(username);
		desk.fieldLabelled("密码").sendKeys(DemoAccounts.PASSWORD);
		desk.presses("登录");
		desk.wait.until(ExpectedConditions.titleContains("待办"));
		return desk;
	}

	/** The state the queue shows for the case (待审查, 待补正...), or null when the case is not in the queue. */
	String queueStateOf(String receiptCode) {
		browser.get(base + "/staff");
		wait.until(ExpectedConditions.titleContains("待办"));
		List<WebElement> row = browser.findElements(By.xpath("//tr[td/a[normalize-space(.)='" + receiptCode + "']]/td[last()]"));
		return row.isEmpty() ? null : row.get(0).getText();
	}

	void opensFromTheQueue(String receiptCode) {
		browser.get(base + "/staff");
		wait.until(ExpectedConditions.titleContains("待办"));
		browser.findElement(By.linkText(receiptCode)).click();
		wait.until(ExpectedConditions.titleContains(receiptCode));
	}

	/** 需补正 on the step: each finding ticked, its problem chosen and its reason typed. */
	void flags(String stepName, Finding... findings) {
		WebElement form = decisionForm(stepName, "需补正");
		for (Finding finding : findings) {
			String checkbox = form.findElement(By.xpath(".//label[normalize-space(.)='" + finding.materialName() + "']")).getDomAttribute("for");
			form.findElement(By.id(checkbox)).click();
			new Select(form.findElement(By.xpath(".//select[@aria-label='" + finding.materialName() + "的问题']")))
					.selectByVisibleText(finding.defective() ? "不符合要求" : "缺少");
			form.findElement(By.xpath(".//input[@aria-label='" + finding.materialName() + "需要补正的原因']")).sendKeys(finding.reason());
		}
		submit(form, "需补正", "done=flagged");
	}

	/** 通过, with what the applicant is told to collect. */
	void approves(String stepName, String note) {
		WebElement form = decisionForm(stepName, "通过");
		String field = form.findElement(By.xpath(".//label[starts-with(normalize-space(.), '办理结果')]")).getDomAttribute("for");
		form.findElement(By.id(field)).sendKeys(note);
		submit(form, "通过", "done=approved");
	}

	/** Whether the case page offers this member a decision on the step. */
	boolean decides(String stepName) {
		return !browser.findElements(By.xpath("//h3[normalize-space(.)='“" + stepName + "”的审查决定']")).isEmpty();
	}

	/** What the page says after an action (已通过...). */
	String message() {
		return browser.findElement(By.cssSelector("[role=status]")).getText();
	}

	/** The text of the case page's section under this heading (概况, 一次性告知, 办理环节...). */
	String section(String heading) {
		return browser.findElement(By.xpath("//section[h2[normalize-space(.)='" + heading + "']]")).getText();
	}

	boolean showsSection(String heading) {
		return !browser.findElements(By.xpath("//section[h2[normalize-space(.)='" + heading + "']]")).isEmpty();
	}

	/** The one-time notices on the case page, one heading each (第 1 号：...). */
	List<String> noticeHeadings() {
		return browser.findElements(By.xpath("//section[h2[normalize-space(.)='一次性告知']]//h3")).stream().map(WebElement::getText).toList();
	}

	/** The state of a step in the 办理环节 table. */
	String stepState(String stepName) {
		return browser.findElement(By.xpath("//section[h2[normalize-space(.)='办理环节']]//tr[td[1][normalize-space(.)='" + stepName
				+ "']]/td[3]")).getText();
	}

	/** The audit trail (办理记录), oldest first: actor and what they did, without the time. */
	List<String> history() {
		return browser.findElements(By.xpath("//section[h2[normalize-space(.)='办理记录']]//li")).stream()
				.map(li -> li.getText().replaceFirst("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s*", ""))
				.toList();
	}

	private WebElement decisionForm(String stepName, String button) {
		return browser.findElement(By.xpath("//h3[normalize-space(.)='“" + stepName + "”的审查决定']"
				+ "/following-sibling::form[.//button[normalize-space(.)='" + button + "']][1]"));
	}

	private void submit(WebElement form, String button, String done) {
		form.findElement(By.xpath(".//button[normalize-space(.)='" + button + "']")).click();
		wait.until(ExpectedConditions.urlContains(done));
	}

	private void presses(String button) {
		browser.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")).click();
	}

	private WebElement fieldLabelled(String label) {
		String id = browser.findElement(By.xpath("//label[normalize-space(.)='" + label + "']")).getDomAttribute("for");
		return browser.findElement(By.id(id));
	}

	@Override
	public void close() {
		HeadlessChromium.quitCheckingThePolicy(browser);
	}
}
