package cn.onething.wechat.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import cn.onething.wechat.AgainstFakeWechat;
import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.fake.FakeWechat;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding through silent web OAuth (docs/wechat.md §5, §10.B.21), against the fake's authorize page and code exchange.
 */
class OAuthWebTests extends AgainstFakeWechat {

	static final AtomicInteger NEXT = new AtomicInteger();

	@Test
	void b21_startRedirectsToTheOpenHostForSilentAuthorisationWithAVerifiableState() {
		URI location = start("case-201");

		UriComponents authorize = UriComponentsBuilder.fromUri(location).build();
		assertThat(location.toString()).startsWith(FAKE.url() + FakeWechat.AUTHORIZE_PATH + "?").endsWith("#wechat_redirect");
		assertThat(authorize.getQueryParams().getFirst("appid")).isEqualTo(FakeWechat.APP_ID);
		assertThat(authorize.getQueryParams().getFirst("scope")).isEqualTo("snsapi_base");
		assertThat(authorize.getQueryParams().getFirst("response_type")).isEqualTo("code");
		assertThat(authorize.getQueryParams().getFirst("redirect_uri"))
				.isEqualTo("https%3A%2F%2Fzwfw.example.cn%2Fwechat%2Foauth%2Fcallback");
		assertThat(authorize.getQueryParams().getFirst("state")).matches("[0-9a-z]{1,128}");
	}

	@Test
	void b21_theCodeIsExchangedForTheOpenidWhichIsBoundToTheScene() throws Exception {
		String openid = "oOAUTH" + NEXT.incrementAndGet();
		FAKE.oauth().browserUser(openid);

		String page = callback(authorizeAtTheFake(start("case-202")))
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("已绑定微信");
		assertThat(listener.scannedBy(openid)).containsExactly(new WechatScanned(openid, "case-202"));
	}

	@Test
	void b21_aSpentCodeIsNotRetriedButTheUserIsOfferedToStartOver() throws Exception {
		String openid = "oOAUTH" + NEXT.incrementAndGet();
		FAKE.oauth().browserUser(openid);
		URI back = authorizeAtTheFake(start("case-203"));
		callback(back).expectStatus().isOk();
		int exchanges = FAKE.received(FakeWechat.OAUTH_TOKEN_PATH).size();

		String page = callback(back).expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("授权已过期", "/wechat/oauth/start?scene=case-203");
		assertThat(FAKE.received(FakeWechat.OAUTH_TOKEN_PATH)).hasSize(exchanges + 1);
		assertThat(listener.scannedBy(openid)).hasSize(1);
	}

	@Test
	void aForgedStateIsRefusedBeforeAnyCodeIsExchanged() throws Exception {
		String openid = "oOAUTH" + NEXT.incrementAndGet();
		FAKE.oauth().browserUser(openid);
		URI back = authorizeAtTheFake(start("case-204"));
		String code = UriComponentsBuilder.fromUri(back).build().getQueryParams().getFirst("code");
		int exchanges = FAKE.received(FakeWechat.OAUTH_TOKEN_PATH).size();

		String page = web.get().uri("/wechat/oauth/callback?code={code}&state={state}", code, "forged0state0for0case0204")
				.accept(MediaType.TEXT_HTML).exchange().expectStatus().isBadRequest()
				.expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("链接已失效").doesNotContain("Exception");
		assertThat(FAKE.received(FakeWechat.OAUTH_TOKEN_PATH)).hasSize(exchanges);
		assertThat(listener.scannedBy(openid)).isEmpty();
	}

	@Test
	void aStartWithoutAValidSceneIsRefused() {
		web.get().uri("/wechat/oauth/start?scene=有中文").exchange().expectStatus().isBadRequest();
		web.get().uri("/wechat/oauth/start").exchange().expectStatus().isBadRequest();
	}

	@Test
	void theDevPagesDoNotExistWhenAnAccountIsConfigured() {
		web.get().uri("/dev/wechat/inbox").exchange().expectStatus().isNotFound();
		web.get().uri("/dev/wechat/scan?scene=case-1").exchange().expectStatus().isNotFound();
	}

	private URI start(String scene) {
		return web.get().uri("/wechat/oauth/start?scene={scene}", scene).exchange()
				.expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation();
	}

	/** The browser at WeChat's authorize page, redirected back to the service's public address. */
	private static URI authorizeAtTheFake(URI authorize) throws Exception {
		HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(answer.statusCode()).isEqualTo(302);
		URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
		assertThat(back.toString()).startsWith(PUBLIC_BASE_URL + "/wechat/oauth/callback?code=");
		return back;
	}

	private WebTestClient.ResponseSpec callback(URI back) {
		return web.get().uri(back.getRawPath() + "?" + back.getRawQuery()).accept(MediaType.TEXT_HTML).exchange();
	}
}
