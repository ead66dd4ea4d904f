package cn.onething.rating;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Department;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.AccessibilityCheck;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole 好差评 loop in headless Chromium: the applicant rates the completed case from the progress page on a phone
 * in WeChat's browser, a supervisor finds the bad rating's follow-up in the console (overdue marked), records contact,
 * rectification and reply and closes it, the statistics show the rating, and the applicant rates the rectification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.outbox.poll-interval=200ms" })
class RatingBrowserTests {

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
	DemoAccounts demoAccounts;

	@Autowired
	DatabaseClient db;

	WebDriver phone;

	WebDriver desk;

	@AfterEach
	void closeBrowsers() {
		for (WebDriver browser : new WebDriver[] { phone, desk }) {
			if (browser != null) {
				HeadlessChromium.quitCheckingThePolicy(browser);
			}
		}
	}

	@Test
	void theApplicantRatesFromTheProgressPageAndASupervisorClosesTheBadRatingsFollowUp() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
		demoAccounts.create().block();
		StoredCase stored = completedCase();
		String code = stored.file().receiptCode();

		phone = HeadlessChromium.phone(390, 844, 16);
		WebDriverWait onPhone = new WebDriverWait(phone, Duration.ofSeconds(20));
		phone.get(base() + links.progressPath(code));
		phone.findElement(By.linkText("评价本次服务（好差评）")).click();
		onPhone.until(ExpectedConditions.titleContains("评价服务"));
		assertThat(AccessibilityCheck.seriousViolations(phone)).as("the rating page, by axe-core").isEmpty();
		assertThat(AccessibilityCheck.smallTapTargets(phone)).as("the rating page's levels and indicators").isEmpty();
		assertThat(AccessibilityCheck.sidewaysOverflow(phone)).isZero();
		option(phone, "不满意").click();
		option(phone, "服务态度").click();
		phone.findElement(By.id("comment")).sendKeys("窗口等候时间太长");
		phone.findElement(By.xpath("//button[normalize-space(.)='提交评价']")).click();
		onPhone.until(ExpectedConditions.urlContains("done=rated"));
		assertThat(phone.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("感谢您的评价！");
		assertThat(phone.findElement(By.id("rated-level")).getText()).isEqualTo("不满意");
		assertThat(db.sql("select channel from rating_rating where case_id = :id").bind("id", stored.file().id())
				.map(row -> row.get("channel", String.class)).one().block()).as("WeChat's browser on a phone").isEqualTo("mobile");

		// as if the follow-up's five working days had passed: the console marks it
		desk = HeadlessChromium.desk();
		WebDriverWait atDesk = new WebDriverWait(desk, Duration.ofSeconds(30));
		signIn(atDesk, "supervisor");
		desk.get(base() + "/staff/ratings");
		atDesk.until(browser -> {
			browser.navigate().refresh();
			return !browser.findElements(By.linkText(code)).isEmpty();
		});
		db.sql("update rating_follow_up set due_on = due_on - 30, state = jsonb_set(state, '{dueOn}', to_jsonb((due_on - 30)::text)) "
				+ "where receipt_code = :code").bind("code", code).then().block();
		desk.navigate().refresh();
		assertThat(desk.findElement(By.xpath("//tr[td/a[normalize-space(.)='" + code + "']]")).getText()).contains("不满意", "已逾期", "待联系");

		desk.findElement(By.linkText(code)).click();
		atDesk.until(ExpectedConditions.titleContains("差评整改"));
		assertThat(desk.findElement(By.id("rating")).getText()).contains("移动端", "服务态度", "窗口等候时间太长");
		record(atDesk, "contact", "联系核实", "已电话联系申请人，核实等候时间过长");
		record(atDesk, "rectification", "整改措施", "高峰时段增开一个综合窗口");
		record(atDesk, "reply", "答复申请人", "已增开窗口，感谢您的监督");
		desk.findElement(By.id("text-close")).sendKeys("整改完成");
		desk.findElement(By.xpath("//button[normalize-space(.)='办结整改']")).click();
		atDesk.until(ExpectedConditions.urlContains("done=close"));
		assertThat(desk.findElement(By.id("state")).getText()).isEqualTo("已办结");

		desk.get(base() + "/staff/ratings");
		assertThat(desk.findElement(By.cssSelector("#follow-ups")).getText()).contains("没有待办的差评整改");
		String police = catalog.current().departments().stream().filter(d -> d.id().equals("public-security"))
				.map(Department::name).findFirst().orElse("public-security");
		WebElement row = desk.findElement(By.xpath("//section[@id='by-department']//tr[th[normalize-space(.)='" + police + "']]"));
		assertThat(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
				.as("非常满意, 满意, 基本满意, 不满意, 非常不满意, 合计, 满意率").containsExactly("0", "0", "0", "1", "0", "1", "0.0%");

		phone.get(base() + "/cases/" + code + "/rating?k=" + links.keyFor(code));
		assertThat(phone.findElement(By.id("follow-up")).getText()).contains("整改已办结", "高峰时段增开一个综合窗口", "已增开窗口，感谢您的监督");
		option(phone, "满意").click();
		phone.findElement(By.xpath("//button[normalize-space(.)='提交整改评价']")).click();
		onPhone.until(ExpectedConditions.urlContains("done=verdict"));
		assertThat(phone.findElement(By.id("verdict")).getText()).isEqualTo("您对整改结果的评价：满意");
	}

	private StoredCase completedCase() {
		StoredCase stored = casework.submit(TermsFixture.parallelTerms(), new Applicant("张三丰", "45142119900101123X", "13812345678"),
				Map.of(), Map.of(), List.of(), Actor.applicant()).block();
		Actor reviewer = new Actor(Actor.Kind.REVIEWER, "police", "审核员");
		casework.act(stored.file().id(), reviewer, file -> context -> file.approve("hukou", null, context)).block();
		return casework.act(stored.file().id(), reviewer, file -> context -> file.approve("insurance", null, context)).block();
	}

	private static WebElement option(WebDriver browser, String label) {
		return browser.findElement(By.xpath("//label[span[normalize-space(.)='" + label + "']]"));
	}

	private void signIn(WebDriverWait wait, String username) {
		desk.get(base() + "/staff");
		wait.until(ExpectedConditions.urlContains("/staff/login"));
		desk.findElement(By.name("username")).sendKeys(username);
		desk.findElement(By.name("password")).sendKeys(DemoAccounts.PASSWORD);
		desk.findElement(By.xpath("//button[normalize-space(.)='登录']")).click();
		wait.until(ExpectedConditions.titleContains("待办"));
	}

	private void record(WebDriverWait wait, String part, String label, String text) {
		desk.findElement(By.id("text-" + part)).sendKeys(text);
		desk.findElement(By.xpath("//button[normalize-space(.)='保存" + label + "']")).click();
		wait.until(ExpectedConditions.urlContains("done=" + part));
		assertThat(desk.findElement(By.id("loop")).getText()).contains(text);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
