package cn.onething.identity.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.StepState;
import cn.onething.catalog.Catalog;
import cn.onething.identity.accounts.AccountAudit;
import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's walk in headless Chromium, two desks at once: the first administrator (made by the accounts command)
 * chooses their own password, creates a reviewer in 账号管理 and hands over the initial password; the reviewer signs
 * in, must choose their own, and decides their department's step; the administrator disables them, and the
 * reviewer's open console is gone at their next click.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class AdminWalkBrowserTests {

	static final String ADMIN_FIRST_PASSWORD = "given by the operator once";
	static final String ADMIN_PASSWORD = "the administrator's own passphrase";
	static final String REVIEWER_PASSWORD = "wu's own sentence at the desk";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Catalog catalog;

	@Autowired
	Casework casework;

	WebDriver adminDesk;
	WebDriver reviewerDesk;
	StoredCase stored;

	@BeforeEach
	void anEmptyHallWithACaseForThePolice() {
		HeadlessChromium.assumeInstalled();
		// the departments an account may name are the catalogue's
		catalog.importGuides("test").block();
		accounts.createFirstAdmin(AccountAudit.COMMAND_LINE, "root.admin", ADMIN_FIRST_PASSWORD).block();
		stored = casework.submit(TermsFixture.parallelTerms(), new Applicant("张三丰", "45142119900101123X", "13812345678"),
				Map.of(), Map.of(), List.of(), new Actor(Actor.Kind.WINDOW, "window", "一窗受理")).block();
	}

	@AfterEach
	void closeBrowsers() {
		for (WebDriver desk : new WebDriver[] { adminDesk, reviewerDesk }) {
			if (desk != null) {
				HeadlessChromium.quitCheckingThePolicy(desk);
			}
		}
	}

	@Test
	void anAdministratorCreatesAReviewerWhoWorksUntilDisabledAndTheirOpenSessionEndsThen() {
		adminDesk = HeadlessChromium.desk();
		WebDriverWait admin = new WebDriverWait(adminDesk, Duration.ofSeconds(20));
		signIn(adminDesk, admin, "root.admin", ADMIN_FIRST_PASSWORD);
		choosesOwnPassword(adminDesk, admin, ADMIN_FIRST_PASSWORD, ADMIN_PASSWORD);

		adminDesk.findElement(By.linkText("账号管理")).click();
		admin.until(ExpectedConditions.titleContains("账号管理"));
		adminDesk.findElement(By.id("username")).sendKeys("reviewer.wu");
		adminDesk.findElement(By.id("name")).sendKeys("吴审核员");
		adminDesk.findElement(By.xpath("//label[normalize-space(.)='部门审查']/input")).click();
		new Select(adminDesk.findElement(By.id("department"))).selectByVisibleText("扶绥县公安局");
		pressButton(adminDesk, "创建账号");
		admin.until(ExpectedConditions.titleContains("已创建账号"));
		assertThat(adminDesk.findElement(By.tagName("h1")).getText()).isEqualTo("已创建账号 reviewer.wu");
		String initialPassword = adminDesk.findElement(By.id("initial-password")).getText();
		assertThat(initialPassword).isNotBlank();

		reviewerDesk = HeadlessChromium.desk();
		WebDriverWait reviewer = new WebDriverWait(reviewerDesk, Duration.ofSeconds(20));
		signIn(reviewerDesk, reviewer, "reviewer.wu", initialPassword);
		choosesOwnPassword(reviewerDesk, reviewer, initialPassword, REVIEWER_PASSWORD);
		reviewerDesk.findElement(By.linkText(stored.file().receiptCode())).click();
		reviewer.until(ExpectedConditions.titleContains(stored.file().receiptCode()));
		assertThat(reviewerDesk.findElement(By.tagName("main")).getText()).as("their department handles the case")
				.contains("张三丰", "13812345678");
		WebElement approval = reviewerDesk.findElement(By.name("note"));
		approval.sendKeys("新户口簿请到户籍窗口领取");
		approval.submit();
		reviewer.until(ExpectedConditions.urlContains("done=approved"));
		assertThat(casework.byId(stored.file().id()).block().file().step("hukou").orElseThrow().state())
				.isEqualTo(StepState.APPROVED);

		adminDesk.get(base() + "/staff/accounts/reviewer.wu");
		admin.until(ExpectedConditions.titleContains("reviewer.wu"));
		assertThat(adminDesk.findElement(By.tagName("main")).getText()).as("the reviewer's open session is listed")
				.contains("有效会话");
		pressButton(adminDesk, "停用账号");
		admin.until(ExpectedConditions.urlContains("done=disable"));
		assertThat(adminDesk.findElement(By.cssSelector(".done")).getText()).contains("已停用");

		// the reviewer's browser still holds its cookie; the next click finds the session ended
		reviewerDesk.findElement(By.linkText("我的待办")).click();
		reviewer.until(ExpectedConditions.urlContains("/staff/login"));
		signInAttempt(reviewerDesk, "reviewer.wu", REVIEWER_PASSWORD);
		reviewer.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-error")));
		assertThat(reviewerDesk.getCurrentUrl()).contains("/staff/login");
	}

	private void signIn(WebDriver desk, WebDriverWait wait, String username, String password) {
		desk.get(base() + "/staff");
		wait.until(ExpectedConditions.urlContains("/staff/login"));
		signInAttempt(desk, username, password);
	}

	private static void signInAttempt(WebDriver desk, String username, String password) {
		WebElement name = desk.findElement(By.id("username"));
		name.clear();
		name.sendKeys(username);
		desk.findElement(By.id("password")).sendKeys(password);
		pressButton(desk, "登录");
	}

	/** A password someone else chose opens only the page where one chooses one's own. */
	private void choosesOwnPassword(WebDriver desk, WebDriverWait wait, String current, String chosen) {
		wait.until(ExpectedConditions.urlContains("/staff/password"));
		desk.get(base() + "/staff");
		wait.until(ExpectedConditions.urlContains("/staff/password"));
		desk.findElement(By.id("current")).sendKeys(current);
		desk.findElement(By.id("password")).sendKeys(chosen);
		desk.findElement(By.id("confirm")).sendKeys(chosen);
		pressButton(desk, "保存新密码");
		wait.until(ExpectedConditions.titleContains("我的待办"));
	}

	private static void pressButton(WebDriver desk, String label) {
		desk.findElement(By.xpath("//button[normalize-space(.)='" + label + "']")).click();
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
