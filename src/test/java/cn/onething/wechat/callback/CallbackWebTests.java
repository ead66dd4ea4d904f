package cn.onething.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.onething.wechat.AgainstFakeWechat;
import cn.onething.wechat.BindingQr;
import cn.onething.wechat.DeliveryReported;
import cn.onething.wechat.DeliveryStatus;
import cn.onething.wechat.RecordingListener;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.SubscribePush;
import cn.onething.wechat.TemplatePush;
import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.fake.FakeCallbacks;
import cn.onething.wechat.fake.FakeCrypt;
import cn.onething.wechat.fake.FakeEvents;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.ReferenceVector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The callback endpoint of the running service, pushed to by the fake WeChat. Test names starting with b and a number
 * are the notifier items of docs/wechat.md §10.B.
 */
class CallbackWebTests extends AgainstFakeWechat {

	static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	DatabaseClient db;

	@Test
	void b15_urlVerificationEchoesEchostrOnlyForTheRightSignature() throws Exception {
		assertThat(FAKE.callbacks().verifyUrl()).isTrue();

		byte[] body = web.get().uri("/wechat/callback?signature=0000&timestamp=1714037059&nonce=486452656&echostr=hello")
				.exchange().expectStatus().isForbidden().expectBody().returnResult().getResponseBody();
		assertThat(body).isNullOrEmpty();
	}

	@Test
	void b15_theOfficialVectorVerifiesAtAnyTime() {
		// §6.1: the URL check carries no freshness rule; WeChat sends it when the address is saved.
		web.get().uri("/wechat/callback?signature={s}&timestamp={t}&nonce={n}&echostr=abc", ReferenceVector.SIGNATURE,
				ReferenceVector.TIMESTAMP, ReferenceVector.NONCE)
				.exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
				.expectBody(String.class).isEqualTo("abc");
	}

	@Test
	void b16_aPlaintextScanIsVerifiedBoundAndAnsweredWithText() {
		String openid = openid();
		FakeCallbacks.Outcome outcome = FAKE.callbacks().push(FakeEvents.scan(openid, "case-101", "T"));

		assertThat(outcome.lastStatus()).isEqualTo(200);
		assertThat(outcome.reply()).contains("<ToUserName><![CDATA[" + openid + "]]></ToUserName>",
				"<FromUserName><![CDATA[" + FakeEvents.ACCOUNT + "]]></FromUserName>", "<MsgType><![CDATA[text]]></MsgType>",
				CallbackEffects.SCANNED_REPLY);
		awaitBinding(openid, "case-101");
	}

	@Test
	void b16_aSafeModePushIsDecryptedAndTheReplyEncrypted() {
		String openid = openid();
		FakeCallbacks.Outcome outcome = FAKE.callbacks().mode(FakeCallbacks.Mode.SAFE).push(FakeEvents.scan(openid, "case-102", "T"));

		assertThat(outcome.attempts().get(0).reply()).contains("<Encrypt>", "<MsgSignature>").doesNotContain(CallbackEffects.SCANNED_REPLY);
		assertThat(outcome.reply()).contains(CallbackEffects.SCANNED_REPLY);
		awaitBinding(openid, "case-102");
	}

	@Test
	void b16_aCompatibleModePushIsTakenFromItsCiphertext() {
		String openid = openid();
		FakeCallbacks.Outcome outcome = FAKE.callbacks().mode(FakeCallbacks.Mode.COMPATIBLE).push(FakeEvents.scan(openid, "case-103", "T"));

		assertThat(outcome.reply()).contains(CallbackEffects.SCANNED_REPLY);
		awaitBinding(openid, "case-103");
	}

	@Test
	void b16_anEncryptedPushWithAForgedMsgSignatureChangesNothing() {
		String openid = openid();
		String body = SafeModeTests.safeBody(FakeCrypt.encrypt(FakeWechat.AES_KEY, FakeWechat.APP_ID,
				"0123456789abcdef", FakeEvents.scan(openid, "case-104", "T")));
		String timestamp = now();

		web.post().uri("/wechat/callback?signature={s}&timestamp={t}&nonce=77&encrypt_type=aes&msg_signature=forged",
				CallbackSignature.of(FakeWechat.TOKEN, timestamp, "77"), timestamp)
				.contentType(MediaType.TEXT_XML).bodyValue(body)
				.exchange().expectStatus().isForbidden().expectBody().isEmpty();
		assertThat(listener.scannedBy(openid)).isEmpty();
	}

	@Test
	void b17_theAnswerComesAtOnceWhileAListenerIsStillBusy() {
		String openid = RecordingListener.SLOW + NEXT.incrementAndGet();
		FakeCallbacks.Outcome outcome = FAKE.callbacks().patience(Duration.ofSeconds(5), 3).push(FakeEvents.scan(openid, "case-105", "T"));

		assertThat(outcome.attempts()).hasSize(1);
		assertThat(outcome.invalidReply()).isFalse();
		awaitBinding(openid, "case-105");
	}

	@Test
	void b18_aPushSentThreeTimesCountsOnce() {
		String openid = openid();
		String scan = FakeEvents.scan(openid, "case-106", "T");

		List<FakeCallbacks.Outcome> outcomes = List.of(FAKE.callbacks().push(scan), FAKE.callbacks().push(scan), FAKE.callbacks().push(scan));

		assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.reply()).contains(CallbackEffects.SCANNED_REPLY));
		awaitBinding(openid, "case-106");
		assertThat(listener.scannedBy(openid)).hasSize(1);
		assertThat(events(openid)).isEqualTo(1);
	}

	@Test
	void b18_twoSendReportsForOneUserInTheSameSecondBothCount() {
		String openid = openid();
		String second = FakeEvents.templateFinished(openid, 9_000_000_000_000_002L, "success");
		FAKE.callbacks().push(FakeEvents.templateFinished(openid, 9_000_000_000_000_001L, "success"));
		FAKE.callbacks().push(second);
		FAKE.callbacks().push(second);

		await().untilAsserted(() -> {
			assertThat(listener.deliveriesOf("9000000000000001")).hasSize(1);
			assertThat(listener.deliveriesOf("9000000000000002")).hasSize(1);
		});
	}

	@Test
	void b19_aNonFollowerScanningTheBindingCodeIsBoundThroughSubscribe() {
		String openid = openid();
		FAKE.messages().nonFollower(openid);
		BindingQr qr = channel.createBindingQr("case-107").block();

		FakeCallbacks.Outcome outcome = FAKE.qrCodes().scan(openid, qr.ticket());

		assertThat(outcome.attempts().get(0).body()).contains("qrscene_case-107");
		assertThat(outcome.reply()).contains(CallbackEffects.SCANNED_REPLY);
		awaitBinding(openid, "case-107");
	}

	@Test
	void b19_aFollowerScanningTheBindingCodeIsBoundThroughScan() {
		String openid = openid();
		FAKE.messages().follower(openid);
		BindingQr qr = channel.createBindingQr("case-108").block();

		FakeCallbacks.Outcome outcome = FAKE.qrCodes().scan(openid, qr.ticket());

		assertThat(outcome.attempts().get(0).body()).contains("<Event><![CDATA[SCAN]]></Event>");
		awaitBinding(openid, "case-108");
	}

	@Test
	void b19_aPlainFollowBindsNothingAndGetsSuccess() {
		String openid = openid();

		assertThat(FAKE.callbacks().push(FakeEvents.plainSubscribe(openid)).reply()).isEqualTo("success");
		assertThat(events(openid)).isEqualTo(1);
		assertThat(listener.scannedBy(openid)).isEmpty();
	}

	@Test
	void aTemplateJobFinishUpdatesTheDeliveryStatusAndTellsListeners() {
		String openid = openid();
		FAKE.messages().blockingFollower(openid);
		FAKE.messages().template("TPL-web", "thing1");

		SendResult result = channel.sendTemplate(new TemplatePush(openid, "TPL-web", null, Map.of("thing1", "出生登记"), "outbox-" + openid)).block();

		String msgid = ((SendResult.Sent) result).msgid();
		await().untilAsserted(() -> assertThat(listener.deliveriesOf(msgid))
				.containsExactly(new DeliveryReported(msgid, openid, DeliveryStatus.BLOCKED_BY_USER, "failed:user block")));
		assertThat(deliveryStatus(msgid)).isEqualTo("BLOCKED_BY_USER");
	}

	@Test
	void aSubscribeSentEventUpdatesTheDeliveryStatus() {
		String openid = openid();
		FAKE.messages().follower(openid);
		FAKE.messages().template("SUB-web", "thing1", "phrase2");
		FAKE.messages().subscription(openid, "SUB-web", true);

		SendResult result = channel.sendSubscribe(new SubscribePush(openid, "SUB-web", null, Map.of("thing1", "出生登记", "phrase2", "已办结"))).block();

		String msgid = ((SendResult.Sent) result).msgid();
		await().untilAsserted(() -> assertThat(deliveryStatus(msgid)).isEqualTo("DELIVERED"));
	}

	@Test
	void aForgedSignatureChangesNothingAndLearnsNothing() {
		String openid = openid();

		web.post().uri("/wechat/callback?signature=forged&timestamp={t}&nonce=1", now())
				.contentType(MediaType.TEXT_XML).bodyValue(FakeEvents.scan(openid, "case-109", "T"))
				.exchange().expectStatus().isForbidden().expectBody().isEmpty();
		assertThat(events(openid)).isZero();
	}

	@Test
	void aSignedRequestOlderThanTheReplayWindowIsRefused() {
		String openid = openid();
		String old = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

		post(old, "5", FakeEvents.scan(openid, "case-110", "T")).expectStatus().isForbidden().expectBody().isEmpty();
		assertThat(events(openid)).isZero();
	}

	@Test
	void aCapturedSignatureReplayedWithAnotherBodyChangesNothing() {
		String first = openid();
		String attacker = openid();
		String timestamp = now();
		String nonce = String.valueOf(NEXT.incrementAndGet() + 1_000_000);

		post(timestamp, nonce, FakeEvents.scan(first, "case-111", "T")).expectStatus().isOk();
		post(timestamp, nonce, FakeEvents.scan(attacker, "case-111", "T")).expectStatus().isOk().expectBody(String.class).isEqualTo("success");

		awaitBinding(first, "case-111");
		assertThat(events(attacker)).isZero();
		assertThat(listener.scannedBy(attacker)).isEmpty();
	}

	@Test
	void anExternalEntityIsRefusedWithoutAStackTrace() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<xml><FromUserName>&x;</FromUserName><MsgType>event</MsgType><Event>SCAN</Event><EventKey>case-112</EventKey></xml>";

		byte[] body = post(now(), "6" + NEXT.incrementAndGet(), xxe).expectStatus().isBadRequest().expectBody().returnResult().getResponseBody();
		assertThat(body).isNullOrEmpty();
	}

	@Test
	void anOversizeBodyIsRefusedWhetherItsLengthIsAnnouncedOrNot() {
		String huge = "<xml><Content><![CDATA[" + "长".repeat(30_000) + "]]></Content></xml>";
		String timestamp = now();
		String nonce = "7" + NEXT.incrementAndGet();
		String signature = CallbackSignature.of(FakeWechat.TOKEN, timestamp, nonce);

		post(timestamp, nonce, huge).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE).expectBody().isEmpty();
		web.post().uri("/wechat/callback?signature={s}&timestamp={t}&nonce={n}", signature, timestamp, nonce)
				.contentType(MediaType.TEXT_XML)
				.body(Flux.just(huge.substring(0, 15_000), huge.substring(15_000)).map(part -> part.getBytes(StandardCharsets.UTF_8)), byte[].class)
				.exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE).expectBody().isEmpty();
	}

	private WebTestClient.ResponseSpec post(String timestamp, String nonce, String body) {
		return web.post().uri("/wechat/callback?signature={s}&timestamp={t}&nonce={n}&openid=o",
				CallbackSignature.of(FakeWechat.TOKEN, timestamp, nonce), timestamp, nonce)
				.contentType(MediaType.TEXT_XML).bodyValue(body).exchange();
	}

	private void awaitBinding(String openid, String scene) {
		await().untilAsserted(() -> assertThat(listener.scannedBy(openid)).containsExactly(new WechatScanned(openid, scene)));
	}

	private long events(String openid) {
		return db.sql("select count(*) as n from wechat_callback_event where openid = :openid").bind("openid", openid)
				.map(row -> row.get("n", Long.class)).one().block();
	}

	private String deliveryStatus(String msgid) {
		return db.sql("select status from wechat_delivery where msgid = :msgid").bind("msgid", msgid)
				.map(row -> row.get("status", String.class)).one().block();
	}

	private static String openid() {
		return "oWEB" + NEXT.incrementAndGet();
	}

	private static String now() {
		return String.valueOf(Instant.now().getEpochSecond());
	}
}
