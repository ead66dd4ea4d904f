package cn.onething.identity.sso;

import java.net.URI;
import java.net.http.HttpResponse;

import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.identity.session.CookieSecurityContextRepository;
import cn.onething.identity.session.SessionRegistry;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider on loopback ({@link LocalOidcProvider}), the whole code flow
 * over HTTP: the sign-in page's button, the provider's own sign-in form, its answer, and the console session that
 * answer opens, which ends like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.identity.sso.client-id=" + LocalOidcProvider.CLIENT_ID,
				"onething.identity.sso.client-secret=" + LocalOidcProvider.CLIENT_SECRET })
class SingleSignOnTests {

	private static LocalOidcProvider provider;

	@DynamicPropertySource
	static void databaseAndProvider(DynamicPropertyRegistry registry) throws Exception {
		TestDatabase.registerFresh(registry);
		provider = LocalOidcProvider.start();
		registry.add("onething.identity.sso.issuer-uri", provider::issuer);
	}

	@AfterAll
	static void stopProvider() throws Exception {
		provider.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	SessionRegistry sessions;

	ProviderBrowser browser;

	@BeforeEach
	void staff() {
		demoAccounts.create().block();
		browser = new ProviderBrowser();
	}

	@Test
	void theSignInPageOffersTheHallsUnifiedSignIn() {
		HttpResponse<String> page = browser.get(app("/staff/login"));

		assertThat(page.body()).contains("统一身份认证登录", "href=\"" + SingleSignOn.START + "\"");
	}

	@Test
	void aPersonTheProviderVouchesForEntersAsTheStaffAccountItsClaimNames() {
		// li.hua at the provider is police here (preferred_username)
		HttpResponse<String> answer = browser.throughProviderSignIn(app(SingleSignOn.START), "li.hua");
		HttpResponse<String> console = browser.follow(browser.get(ProviderBrowser.location(answer)));

		assertThat(console.statusCode()).isEqualTo(200);
		assertThat(console.uri().getPath()).isEqualTo("/staff");
		assertThat(console.body()).contains("我的待办", "公安审核员");
		assertThat(sessions.live("police").collectList().block()).as("a console session in identity_session")
				.singleElement().extracting(SessionRegistry.OpenSession::kind).isEqualTo(SessionRegistry.Kind.CONSOLE);
		assertThat(browser.cookieNames()).as("no server-side WebSession, no sign-in still pending")
				.noneMatch(cookie -> cookie.startsWith("SESSION@")).noneMatch(cookie -> cookie.startsWith("ONETHING_SSO@"));
	}

	@Test
	void signingOutEndsTheSsoSessionEvenForACopyOfItsCookie() {
		HttpResponse<String> console = browser.follow(browser.get(ProviderBrowser.location(
				browser.throughProviderSignIn(app(SingleSignOn.START), "li.hua"))));
		String cookie = browser.cookie(app("/staff"), CookieSecurityContextRepository.COOKIE).orElseThrow();

		HttpResponse<String> signedOut = browser.post(app("/staff/logout"), "_csrf", ProviderBrowser.csrfToken(console.body()));
		assertThat(ProviderBrowser.location(signedOut).getPath()).isEqualTo("/staff/login");

		browser.setCookie(app("/staff"), CookieSecurityContextRepository.COOKIE, cookie, "/staff");
		HttpResponse<String> again = browser.get(app("/staff"));
		assertThat(ProviderBrowser.location(again).getPath()).as("the old cookie no longer opens the console")
				.isEqualTo("/staff/login");
		assertThat(sessions.live("police").collectList().block()).isEmpty();
	}

	@Test
	void disablingTheAccountEndsItsSsoSessionAndTheNextSsoSignInIsToldWhy() {
		browser.follow(browser.get(ProviderBrowser.location(browser.throughProviderSignIn(app(SingleSignOn.START), "hrss"))));
		assertThat(browser.get(app("/staff")).statusCode()).isEqualTo(200);

		accounts.setEnabled("admin", "hrss", false).block();

		assertThat(ProviderBrowser.location(browser.get(app("/staff"))).getPath()).as("signed out at once")
				.isEqualTo("/staff/login");
		// still signed in at the provider: it answers at once, and the answer is refused
		HttpResponse<String> refused = browser.follow(browser.get(app(SingleSignOn.START)), "/staff/login");
		URI back = ProviderBrowser.location(refused);
		assertThat(refused.uri().getPath()).as("answered at the callback").isEqualTo("/staff/sso/callback/hall");
		assertThat(back.getPath()).isEqualTo("/staff/login");
		assertThat(browser.get(back).body()).contains("您的工作人员账号已停用");
		assertThat(browser.cookie(app("/staff"), CookieSecurityContextRepository.COOKIE)).isEmpty();
		assertThat(sessions.live("hrss").collectList().block()).isEmpty();
	}

	@Test
	void aPersonWithoutAStaffAccountIsToldSoAndGetsNoSession() {
		HttpResponse<String> answer = browser.throughProviderSignIn(app(SingleSignOn.START), "stranger");
		HttpResponse<String> refused = browser.get(ProviderBrowser.location(answer));

		URI back = ProviderBrowser.location(refused);
		assertThat(back.getPath()).isEqualTo("/staff/login");
		assertThat(browser.get(back).body()).contains("本系统没有与之对应的工作人员账号");
		assertThat(browser.cookie(app("/staff"), CookieSecurityContextRepository.COOKIE)).isEmpty();
		assertThat(ProviderBrowser.location(browser.get(app("/staff"))).getPath()).isEqualTo("/staff/login");
		assertThat(sessions.live("not-on-the-staff").collectList().block()).isEmpty();
	}

	@Test
	void anAnswerWithAnotherStateIsRefusedAndTheRealOneCannotBeReplayedAfter() {
		URI callback = ProviderBrowser.location(browser.throughProviderSignIn(app(SingleSignOn.START), "li.hua"));
		URI tampered = UriComponentsBuilder.fromUri(callback).replaceQueryParam("state", "forged-state").build().toUri();

		URI back = ProviderBrowser.location(browser.get(tampered));
		assertThat(back.getPath()).isEqualTo("/staff/login");
		assertThat(browser.get(back).body()).contains("统一身份认证登录未完成");
		assertThat(browser.cookie(app("/staff"), CookieSecurityContextRepository.COOKIE)).isEmpty();

		// the pending sign-in was used up by the forged answer: the genuine one no longer counts either
		assertThat(ProviderBrowser.location(browser.get(callback)).getQuery()).isEqualTo("error=sso-failed");
		assertThat(sessions.live("police").collectList().block()).isEmpty();
	}

	private URI app(String path) {
		// 127.0.0.1, not localhost: the provider accepts a loopback redirect URI only as an IP address (RFC 8252 §8.3)
		return URI.create("http://127.0.0.1:" + port + path);
	}
}
