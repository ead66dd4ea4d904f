package cn.onething.casework.web.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.StepState;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer at a desk, keyboard only, in headless Chromium: sign in, open the first case of the queue, jump to the
 * decision with its access key, approve. The console carries no script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class StaffBrowserTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Casework casework;

	@Autowired
	DemoAccounts demoAccounts;

	WebDriver browser;

	StoredCase stored;

	@BeforeEach
	void aCaseForThePolice() {
		HeadlessChromium.assumeInstalled();
		demoAccounts.create().block();
		stored = casework.submit(TermsFixture.parallelTerms(), StaffConsoleTests.ZHANG, Map.of(), Map.of(), List.of(),
				new Actor(Actor.Kind.WINDOW, "window", "一窗受理")).block();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			HeadlessChromium.quitCheckingThePolicy(browser);
		}
	}

	@Test
	void aReviewerSignsInAndApprovesWithTheKeyboardAlone() {
		browser = HeadlessChromium.desk();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		browser.get(base() + "/staff");
		wait.until(ExpectedConditions.urlContains("/staff/login"));
		focused().sendKeys("police", Keys.TAB, DemoAccounts.PASSWORD, Keys.ENTER);

		wait.until(ExpectedConditions.titleContains("我的待办"));
		assertThat(focused().getText()).as("the first case of the queue has the focus").isEqualTo(stored.file().receiptCode());
		focused().sendKeys(Keys.ENTER);

		wait.until(ExpectedConditions.urlContains("/staff/cases/" + stored.file().id()));
		new Actions(browser).keyDown(Keys.ALT).sendKeys("a").keyUp(Keys.ALT).perform();
		assertThat(focused().getAttribute("name")).as("Alt+A jumps to the approval note").isEqualTo("note");
		focused().sendKeys("新户口簿请到户籍窗口领取", Keys.ENTER);

		wait.until(ExpectedConditions.urlContains("done=approved"));
		assertThat(browser.findElement(By.cssSelector(".done")).getText()).contains("已通过");
		assertThat(((JavascriptExecutor) browser).executeScript("return document.scripts.length")).isEqualTo(0L);
		CaseStep hukou = casework.byId(stored.file().id()).block().file().step("hukou").orElseThrow();
		assertThat(hukou.state()).isEqualTo(StepState.APPROVED);
		assertThat(hukou.resultNote()).isEqualTo("新户口簿请到户籍窗口领取");
	}

	private WebElement focused() {
		return browser.switchTo().activeElement();
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
