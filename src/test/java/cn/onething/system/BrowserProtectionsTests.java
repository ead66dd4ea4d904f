package cn.onething.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the Ingress (TLS ends there; requests arrive with {@code X-Forwarded-Proto: https}, and k8s sets
 * {@code server.forward-headers-strategy=native}): cookies are Secure, HSTS is sent on every page, kept pages
 * included, and every answer carries the Content-Security-Policy. Over plain HTTP (the README's local run) cookies
 * stay usable and no HSTS is sent. Stylesheets are linked by an address that carries a digest of their content, so
 * the week they are cached never shows a page with an old one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
		"server.forward-headers-strategy=native" })
class BrowserProtectionsTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	DemoAccounts demoAccounts;

	WebTestClient behindTheIngress;
	WebTestClient plain;

	@BeforeEach
	void hall() {
		catalog.importGuides("test").block();
		demoAccounts.create().block();
		plain = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		behindTheIngress = plain.mutate().defaultHeader("X-Forwarded-Proto", "https").build();
	}

	@Test
	void behindTheIngressTheSessionAndFormTokenCookiesAreSecure() {
		StaffSession browser = new StaffSession(behindTheIngress);
		EntityExchangeResult<String> signInPage = browser.get("/staff/login");
		EntityExchangeResult<String> signedIn = browser.submit("/staff/login", "/staff/login",
				form("username", "police", "password", DemoAccounts.PASSWORD));

		assertThat(signedIn.getResponseHeaders().getLocation()).hasPath("/staff");
		assertThat(cookies(signInPage)).extracting(ResponseCookie::getName).contains("XSRF-TOKEN");
		assertThat(cookies(signedIn)).isNotEmpty();
		assertThat(cookies(signInPage)).allSatisfy(cookie -> assertThat(cookie.isSecure()).as(cookie.getName()).isTrue());
		assertThat(cookies(signedIn)).allSatisfy(cookie -> assertThat(cookie.isSecure()).as(cookie.getName()).isTrue());
		assertThat(browser.page("/staff")).contains("我的待办");
	}

	@Test
	void overPlainHttpCookiesStayUsableForALocalRun() {
		StaffSession browser = new StaffSession(plain);
		EntityExchangeResult<String> signedIn = browser.submit("/staff/login", "/staff/login",
				form("username", "police", "password", DemoAccounts.PASSWORD));

		assertThat(cookies(signedIn)).isNotEmpty().noneMatch(ResponseCookie::isSecure);
		assertThat(browser.page("/staff")).contains("我的待办");
	}

	@Test
	void everyPageKeptOrRenderedSendsHstsOverHttpsAndThePolicyAlways() {
		String guide = catalog.current().guides().get(0).code();
		List<String> pages = List.of("/", "/g/" + guide, "/search?q=" + URLEncoder.encode("出生", StandardCharsets.UTF_8),
				"/bundles/newborn", "/cases", "/staff/login", "/api/domains");
		for (String page : pages) {
			// twice: the second answer of a kept page is replayed from the cache
			for (int round = 0; round < 2; round++) {
				HttpHeaders secure = headers(behindTheIngress, page);
				assertThat(secure.getFirst("Strict-Transport-Security")).as(page + " over HTTPS").startsWith("max-age=");
				assertThat(secure.getFirst("Content-Security-Policy")).as(page).contains("script-src 'self'");
			}
			HttpHeaders insecure = headers(plain, page);
			assertThat(insecure.containsHeader("Strict-Transport-Security")).as(page + " over HTTP").isFalse();
			assertThat(insecure.getFirst("Content-Security-Policy")).as(page).contains("default-src 'self'");
		}
	}

	@Test
	void pagesLinkTheirStylesheetsByAnAddressThatChangesWithTheirContent() throws Exception {
		String appCss = "/static/css/app.css?v=" + digest("static/css/app.css");
		String staffCss = "/static/css/staff.css?v=" + digest("static/css/staff.css");
		String guide = catalog.current().guides().get(0).code();

		for (String page : List.of("/", "/g/" + guide, "/g/" + guide)) {
			assertThat(body(plain, page, 200)).as(page).contains("href=\"" + appCss + "\"");
		}
		assertThat(body(plain, "/staff/login", 200)).contains("href=\"" + staffCss + "\"");
		assertThat(body(plain, "/g/no-such-guide", 404)).as("error page").contains("href=\"" + appCss + "\"");
		byte[] served = plain.get().uri(appCss).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
		assertThat(served).isEqualTo(new ClassPathResource("static/css/app.css").getContentAsByteArray());
	}

	private static String body(WebTestClient client, String page, int status) {
		return client.get().uri(page).accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
				.getResponseBody();
	}

	private static String digest(String file) throws Exception {
		byte[] sha = MessageDigest.getInstance("SHA-256").digest(new ClassPathResource(file).getContentAsByteArray());
		return HexFormat.of().formatHex(sha).substring(0, 16);
	}

	private static HttpHeaders headers(WebTestClient client, String page) {
		return client.get().uri(page).exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders();
	}

	private static List<ResponseCookie> cookies(EntityExchangeResult<String> result) {
		return result.getResponseCookies().values().stream().flatMap(List::stream).toList();
	}
}
