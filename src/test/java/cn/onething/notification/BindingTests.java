package cn.onething.notification;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.onething.casework.StoredCase;
import cn.onething.wechat.fake.FakeEvents;
import cn.onething.wechat.fake.FakeWechat;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding an applicant's openid to a case, by scanning its QR code and through OAuth from the progress page, only
 * with a scene this service signed; and unbinding with the link every push carries.
 */
class BindingTests extends NotifyingService {

	@Test
	void aScanSignedAndEncryptedByWxJavaBindsTheCaseAndThePushedConfirmationNamesIt() {
		StoredCase stored = submitted();
		String openid = follower();
		WxCryptUtil wechat = new WxCryptUtil(FakeWechat.TOKEN, FakeWechat.AES_KEY, FakeWechat.APP_ID);
		WxCryptUtil.EncryptContext sealed = wechat.encryptContext(FakeEvents.scan(openid, scenes.sceneFor(stored.file().receiptCode()), "T"));

		String reply = web.post().uri("/wechat/callback?signature={s}&timestamp={t}&nonce={n}&encrypt_type=aes&msg_signature={m}",
						SHA1.gen(FakeWechat.TOKEN, sealed.getTimeStamp(), sealed.getNonce()), sealed.getTimeStamp(), sealed.getNonce(),
						sealed.getSignature())
				.contentType(MediaType.TEXT_XML)
				.bodyValue("<xml><ToUserName><![CDATA[" + FakeEvents.ACCOUNT + "]]></ToUserName><Encrypt><![CDATA["
						+ sealed.getEncrypt() + "]]></Encrypt></xml>")
				.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

		assertThat(opened(wechat, reply)).contains("正在为您关联办件");
		awaitPush(openid, "bound", "delivered");
		assertThat(bound(stored, openid)).isTrue();
		assertThat(deliveriesTo(openid)).singleElement().satisfies(confirmation -> assertThat(confirmation.rendered())
				.containsEntry("character_string1", stored.file().receiptCode()).containsEntry("thing2", "新生儿出生一件事")
				.containsEntry("phrase3", "已绑定").containsEntry("thing5", "已绑定本办件，办理进度将在此通知您"));
	}

	@Test
	void theLinkOnTheProgressPageBindsTheWechatUserWhoOpensItThroughOauth() throws Exception {
		StoredCase stored = submitted();
		String openid = follower();
		FAKE.oauth().browserUser(openid);

		URI start = redirect("/cases/" + stored.file().receiptCode() + "/wechat?k=" + links.keyFor(stored.file().receiptCode()));
		assertThat(start.getPath()).isEqualTo("/wechat/oauth/start");
		assertThat(UriComponentsBuilder.fromUri(start).build().getQueryParams().getFirst("scene"))
				.isEqualTo(scenes.sceneFor(stored.file().receiptCode()));
		String page = oauth(start);

		assertThat(page).contains("已绑定微信");
		assertThat(bound(stored, openid)).as("bound before the page answered").isTrue();
		awaitPush(openid, "bound", "delivered");
	}

	@Test
	void aSceneThisServiceDidNotSignBindsNothing() throws Exception {
		StoredCase stored = submitted();
		StoredCase other = submitted();
		String openid = follower();
		FAKE.oauth().browserUser(openid);
		String receipt = stored.file().receiptCode();
		String anotherCasesMac = scenes.sceneFor(other.file().receiptCode()).substring(("c:" + receipt + ":").length());

		oauth(URI.create("/wechat/oauth/start?scene=c:" + receipt + ":AAAAAAAAAAAA"));
		oauth(URI.create("/wechat/oauth/start?scene=c:" + receipt + ":" + anotherCasesMac));
		oauth(URI.create("/wechat/oauth/start?scene=c:" + receipt));

		assertThat(bound(stored, openid)).isFalse();
		assertThat(pushesTo(openid)).isEmpty();
	}

	@Test
	void theBindingQrCodeCarriesTheSignedSceneIsMadeOnceAndBindsWhoeverScansIt() {
		StoredCase stored = submitted();
		String receipt = stored.file().receiptCode();
		String path = "/cases/" + receipt + "/wechat.png?k=" + links.keyFor(receipt);
		int created = FAKE.received(FakeWechat.QRCODE_CREATE_PATH).size();

		URI image = web.get().uri(path).exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
		web.get().uri(path).exchange().expectStatus().isFound().expectHeader().location(image.toString());

		assertThat(image.toString()).startsWith(FAKE.url() + FakeWechat.SHOW_QRCODE_PATH + "?ticket=");
		assertThat(FAKE.received(FakeWechat.QRCODE_CREATE_PATH)).hasSize(created + 1);
		assertThat(FAKE.received(FakeWechat.QRCODE_CREATE_PATH).get(created).body()).contains(scenes.sceneFor(receipt));
		String openid = follower();
		FAKE.qrCodes().scan(openid, URLDecoder.decode(UriComponentsBuilder.fromUri(image).build().getQueryParams().getFirst("ticket"),
				StandardCharsets.UTF_8));
		awaitPush(openid, "bound", "delivered");
		web.get().uri("/cases/" + receipt + "/wechat.png?k=wrong").exchange().expectStatus().isNotFound();
	}

	@Test
	void theProgressPageOffersTheCodeAndTheOauthLinkAndOpenedFromAPushTheWayToUnbind() {
		StoredCase stored = submitted();
		String receipt = stored.file().receiptCode();
		String key = links.keyFor(receipt);

		String page = html(links.progressPath(receipt));
		String fromPush = html(links.progressPath(receipt) + "&w=T0KEN_from-push");

		assertThat(page).contains("/cases/" + receipt + "/wechat.png?k=" + key, "/cases/" + receipt + "/wechat?k=" + key,
				"在微信中接收办理进度").doesNotContain("/wechat/unbind");
		assertThat(fromPush).contains("/cases/" + receipt + "/wechat/unbind?k=" + key + "&amp;w=T0KEN_from-push")
				.doesNotContain("wechat.png");
	}

	@Test
	void unbindingWithThePushsLinkAfterConfirmingStopsFurtherPushes() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		String url = (String) pushesTo(openid).get(0).get("url");
		String unbind = "/cases/" + stored.file().receiptCode() + "/wechat/unbind" + url.substring(url.indexOf('?'));

		assertThat(html(unbind)).contains("不再接收微信通知？", "确定解除");
		assertThat(bound(stored, openid)).as("asking is not unbinding").isTrue();
		assertThat(post(unbind)).contains("已解除绑定");
		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
		awaitNewsHandled(stored);

		assertThat(bound(stored, openid)).isFalse();
		assertThat(pushesTo(openid)).extracting(push -> push.get("kind")).containsExactly("bound");
		assertThat(post(unbind)).contains("没有需要解除的绑定");
	}

	@Test
	void aPushWrittenBeforeUnbindingIsNotSentAfterIt() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		String url = (String) pushesTo(openid).get(0).get("url");
		approve(stored, "hukou", null);
		awaitNewsHandled(stored);
		String digest = (String) pushesTo(openid).get(1).get("dedupe_key");

		post("/cases/" + stored.file().receiptCode() + "/wechat/unbind" + url.substring(url.indexOf('?')));
		makeDue(digest);

		awaitPush(openid, "steps", "cancelled");
		assertThat(deliveriesTo(openid)).hasSize(1);
	}

	@Test
	void aWrongKeyOrTokenUnbindsNothing() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		String receipt = stored.file().receiptCode();

		web.post().uri("/cases/{r}/wechat/unbind?k=wrong&w=x", receipt).exchange().expectStatus().is3xxRedirection();
		assertThat(post("/cases/" + receipt + "/wechat/unbind?k=" + links.keyFor(receipt) + "&w=guessed")).contains("没有需要解除的绑定");

		assertThat(bound(stored, openid)).isTrue();
	}

	private URI redirect(String path) {
		return web.get().uri(path).exchange().expectStatus().is3xxRedirection().returnResult(Void.class)
				.getResponseHeaders().getLocation();
	}

	/** Start → WeChat's authorize page (the fake) → back to our callback, whose page is returned. */
	private String oauth(URI start) throws Exception {
		URI authorize = redirect(start.toString());
		HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).build(),
				HttpResponse.BodyHandlers.discarding());
		URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
		return web.get().uri(back.getRawPath() + "?" + back.getRawQuery()).accept(MediaType.TEXT_HTML).exchange()
				.expectBody(String.class).returnResult().getResponseBody();
	}

	private String html(String path) {
		return web.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
	}

	private String post(String path) {
		return web.post().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
	}

	private static String opened(WxCryptUtil wechat, String reply) {
		Map<String, String> parts = Map.of(
				"signature", between(reply, "<MsgSignature><![CDATA[", "]]>"),
				"timestamp", between(reply, "<TimeStamp>", "</TimeStamp>"),
				"nonce", between(reply, "<Nonce><![CDATA[", "]]>"));
		return wechat.decryptXml(parts.get("signature"), parts.get("timestamp"), parts.get("nonce"), reply);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}
}
