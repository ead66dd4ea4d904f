package cn.onething.wechat.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.onething.system.TestDatabase;
import cn.onething.wechat.BindingQr;
import cn.onething.wechat.RecordingListener;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.SubscribePush;
import cn.onething.wechat.TemplatePush;
import cn.onething.wechat.WechatChannel;
import cn.onething.wechat.WechatScanned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** A newcomer runs the service without an official account: pushes land in the dev inbox, bindings are simulated. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.wechat.public-base-url=http://localhost:8080" })
@Import(RecordingListener.class)
class DevModeWebTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	WechatChannel channel;

	@Autowired
	RecordingListener listener;

	WebTestClient web;

	@BeforeEach
	void client() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aTemplatePushShowsInTheDevInboxOfItsOpenid() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", "新生儿出生一件事");
		data.put("phrase2", "已受理");
		data.put("name3", "张三丰");

		SendResult result = channel.sendTemplate(new TemplatePush("o-dev-1", "TPL-progress", "https://zwfw.example.cn/p/1", data, "outbox-1")).block();

		assertThat(result).isInstanceOf(SendResult.Sent.class);
		String page = page("/dev/wechat/inbox?openid=o-dev-1");
		assertThat(page).contains("微信消息收件箱", "模板消息", "o-dev-1", "TPL-progress", "新生儿出生一件事", "已受理", "张*",
				"https://zwfw.example.cn/p/1").doesNotContain("张三丰");
		assertThat(page.indexOf("thing1")).isLessThan(page.indexOf("phrase2"));
	}

	@Test
	void theSameOutboxIdIsDeliveredOnceAsWechatWould() {
		TemplatePush push = new TemplatePush("o-dev-2", "TPL-progress", null, Map.of("thing1", "出生登记"), "outbox-2");

		SendResult first = channel.sendTemplate(push).block();
		SendResult again = channel.sendTemplate(push).block();

		assertThat(again).isEqualTo(first);
		assertThat(page("/dev/wechat/inbox?openid=o-dev-2").split("TPL-progress", -1)).hasSize(2);
	}

	@Test
	void aSubscribePushShowsAsASubscribeNotice() {
		channel.sendSubscribe(new SubscribePush("o-dev-3", "SUB-progress", null, Map.of("thing1", "出生登记"))).block();

		assertThat(page("/dev/wechat/inbox?openid=o-dev-3")).contains("订阅通知", "SUB-progress");
		assertThat(page("/dev/wechat/inbox")).contains("o-dev-3");
	}

	@Test
	void aBindingQrCodeOpensTheDevScanPageWhichBindsTheTypedOpenid() {
		BindingQr qr = channel.createBindingQr("case-301").block();

		assertThat(qr.url()).isEqualTo("http://localhost:8080/dev/wechat/scan?scene=case-301");
		assertThat(page("/dev/wechat/scan?scene=case-301")).contains("模拟扫码", "case-301");
		web.get().uri(onThisServer(URI.create(qr.imageUrl()))).exchange()
				.expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);

		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("scene", "case-301");
		form.add("openid", "o-dev-4");
		String done = web.post().uri("/dev/wechat/scan").body(BodyInserters.fromFormData(form)).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

		assertThat(done).contains("已模拟扫码");
		assertThat(listener.scannedBy("o-dev-4")).containsExactly(new WechatScanned("o-dev-4", "case-301"));
	}

	@Test
	void oauthBindingWorksThroughTheDevConsentPage() {
		URI consent = web.get().uri("/wechat/oauth/start?scene=case-302").exchange().expectStatus().is3xxRedirection()
				.returnResult(Void.class).getResponseHeaders().getLocation();
		assertThat(consent.toString()).startsWith("http://localhost:8080/dev/wechat/oauth/authorize?");
		String consentPage = web.get().uri(onThisServer(consent)).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
		assertThat(consentPage).contains("模拟微信授权", "action=\"http://localhost:8080/wechat/oauth/callback\"");

		String state = UriComponentsBuilder.fromUri(consent).build(true).getQueryParams().getFirst("state");
		assertThat(page("/wechat/oauth/callback?code=o-dev-5&state=" + state)).contains("已绑定微信");
		assertThat(listener.scannedBy("o-dev-5")).containsExactly(new WechatScanned("o-dev-5", "case-302"));
	}

	@Test
	void theCallbackIsOffWithoutAToken() {
		web.get().uri("/wechat/callback?signature=a&timestamp=1&nonce=1&echostr=x").exchange().expectStatus().isNotFound();
	}

	/** The service announces itself as localhost:8080; the test server has a port of its own. */
	private URI onThisServer(URI announced) {
		return URI.create("http://localhost:" + port + announced.getRawPath() + "?" + announced.getRawQuery());
	}

	private String page(String uri) {
		return web.get().uri(uri).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
	}
}
