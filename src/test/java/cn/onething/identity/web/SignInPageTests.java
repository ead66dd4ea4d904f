package cn.onething.identity.web;

import java.time.Duration;

import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the staff console: the page, wrong passwords, the lock, CSRF, signing out, and no server session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class SignInPageTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demoAccounts;

	WebTestClient web;

	@BeforeEach
	void accounts() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
	}

	@Test
	void aStaffPageAsksForSignInAndTheQueueOpensAfter() {
		StaffSession browser = new StaffSession(web);
		EntityExchangeResult<String> asked = browser.get("/staff/cases/8d9f4c1e-0000-4000-8000-000000000000");
		assertThat(asked.getStatus().is3xxRedirection()).isTrue();
		assertThat(asked.getResponseHeaders().getLocation()).hasPath("/staff/login");

		String page = browser.page("/staff/login");
		assertThat(page).contains("工作人员登录", "用户名", "密码", "登录")
				.as("single sign-on is off unless configured").doesNotContain("统一身份认证登录");
		EntityExchangeResult<String> signedIn = browser.submit("/staff/login", "/staff/login",
				form("username", "police", "password", DemoAccounts.PASSWORD));

		assertThat(signedIn.getResponseHeaders().getLocation()).hasPath("/staff");
		assertThat(browser.page("/staff")).contains("我的待办", "公安审核员");
	}

	@Test
	void aWrongPasswordIsToldInChineseAndTheUsernameKept() {
		StaffSession browser = new StaffSession(web);
		EntityExchangeResult<String> refused = browser.submit("/staff/login", "/staff/login",
				form("username", "police", "password", "guess-guess"));

		assertThat(refused.getResponseHeaders().getLocation()).hasPath("/staff/login");
		assertThat(browser.follow(refused)).contains("用户名或密码不正确", "value=\"police\"");
		assertThat(browser.get("/staff").getStatus().is3xxRedirection()).as("still signed out").isTrue();
	}

	@Test
	void fiveWrongPasswordsPauseSignInFromThisDeviceAndThePageSaysForHowLong() {
		StaffSession browser = new StaffSession(web);
		EntityExchangeResult<String> last = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			last = browser.submit("/staff/login", "/staff/login", form("username", "hrss", "password", "guess-" + attempt));
		}
		assertThat(browser.follow(last)).contains("从这台设备登录该账号已暂停 15 分钟");

		EntityExchangeResult<String> right = browser.submit("/staff/login", "/staff/login",
				form("username", "hrss", "password", DemoAccounts.PASSWORD));
		assertThat(browser.follow(right)).as("the right password waits for the lock too").contains("已暂停");
	}

	@Test
	void anXForwardedForHeaderIsNotBelievedWithoutATrustedProxy() {
		StaffSession guesser = new StaffSession(web).header("X-Forwarded-For", "203.0.113.7");
		for (int attempt = 0; attempt < 5; attempt++) {
			guesser.submit("/staff/login", "/staff/login", form("username", "fund", "password", "guess-" + attempt));
		}

		StaffSession claimsAnotherAddress = new StaffSession(web).header("X-Forwarded-For", "198.51.100.20");
		EntityExchangeResult<String> right = claimsAnotherAddress.submit("/staff/login", "/staff/login",
				form("username", "fund", "password", DemoAccounts.PASSWORD));

		assertThat(claimsAnotherAddress.follow(right)).as("both came from the test's own address").contains("已暂停");
	}

	@Test
	void signingInWithoutTheFormsCsrfTokenIsRefused() {
		StaffSession browser = new StaffSession(web);
		browser.page("/staff/login");

		EntityExchangeResult<String> forged = browser.post("/staff/login",
				form("username", "police", "password", DemoAccounts.PASSWORD));

		assertThat(forged.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theSessionIsASignedHttpOnlyLaxCookieAndNoServerSessionExists() {
		StaffSession browser = new StaffSession(web);
		EntityExchangeResult<String> signedIn = browser.submit("/staff/login", "/staff/login",
				form("username", "police", "password", DemoAccounts.PASSWORD));

		ResponseCookie session = signedIn.getResponseCookies().getFirst("ONETHING_STAFF");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Lax");
		assertThat(session.getPath()).isEqualTo("/staff");
		// the cookie lives as long as its ticket has left: an hour from signing in, less the second the clock may have
		// turned between the two
		assertThat(session.getMaxAge()).as("onething.identity.session-timeout")
				.isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
		assertThat(browser.page("/staff")).contains("公安审核员");
		assertThat(browser.cookies()).as("no WebSession cookie on any answer").doesNotContainKey("SESSION");
	}

	@Test
	void signingOutEndsTheSession() {
		StaffSession browser = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD);

		EntityExchangeResult<String> out = browser.submit("/staff", "/staff/logout", form());

		assertThat(out.getResponseHeaders().getLocation()).hasPath("/staff/login").hasQuery("logout=1");
		assertThat(browser.follow(out)).contains("您已安全退出");
		assertThat(browser.cookies()).doesNotContainKey("ONETHING_STAFF");
		assertThat(browser.get("/staff").getStatus().is3xxRedirection()).isTrue();
	}

	@Test
	void applicantPagesStayOpenAndSetNoCookies() {
		StaffSession applicant = new StaffSession(web);

		assertThat(applicant.get("/cases").getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(applicant.cookies()).isEmpty();
	}
}
