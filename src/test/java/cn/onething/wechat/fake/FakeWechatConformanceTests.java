package cn.onething.wechat.fake;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fake WeChat against docs/wechat.md §10.A, raw HTTP, no WxJava. Test names start with the checklist item.
 * Not covered, because the service uses neither: 17 (subscribe popup events) and the mp-host subscribe page.
 */
class FakeWechatConformanceTests {

	static final String OPENID = "oFOLLOWER";
	static final String TEMPLATE = "TPL-progress";
	static final String SUBSCRIBE_TEMPLATE = "SUB-progress";
	static final String GOOD_DATA = "{\"thing1\":{\"value\":\"出生登记\"},\"time2\":{\"value\":\"2024年5月1日 09:30\"}}";

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	FakeWechat fake;
	CallbackReceiver receiver;

	@BeforeEach
	void start() throws Exception {
		fake = FakeWechat.start();
		fake.messages().follower(OPENID);
		fake.messages().blockingFollower("oBLOCKER");
		fake.messages().nonFollower("oSTRANGER");
		fake.messages().template(TEMPLATE, "thing1", "time2");
		fake.messages().template(SUBSCRIBE_TEMPLATE, "thing1", "phrase2");
		receiver = new CallbackReceiver();
	}

	@AfterEach
	void stop() {
		receiver.close();
		fake.close();
	}

	@Test
	void a01_businessErrorsAreHttp200WithErrcodeAndSuccessesCarryErrcodeZero() throws Exception {
		HttpResponse<String> refused = post(FakeWechat.TEMPLATE_SEND_PATH, "{}");
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(json(refused).path("errcode").asInt()).isEqualTo(41001);
		assertThat(json(refused).path("errmsg").isString()).isTrue();

		fake.messages().subscription(OPENID, SUBSCRIBE_TEMPLATE, true);
		for (HttpResponse<String> success : List.of(templateSend(OPENID, TEMPLATE, GOOD_DATA, null),
				business(FakeWechat.BIZSEND_PATH, "{\"touser\":\"" + OPENID + "\",\"template_id\":\"" + SUBSCRIBE_TEMPLATE
						+ "\",\"data\":{\"thing1\":{\"value\":\"出生登记\"},\"phrase2\":{\"value\":\"已受理\"}}}"),
				business(FakeWechat.QRCODE_CREATE_PATH, qr("QR_STR_SCENE", "\"scene_str\":\"case-1\"", 600)))) {
			assertThat(success.statusCode()).isEqualTo(200);
			assertThat(json(success).path("errcode").asInt(-2)).isZero();
			assertThat(json(success).path("errmsg").asString()).isEqualTo("ok");
		}
	}

	@Test
	void a02_theTokenEndpointAnswersTokenAndLifetimeWithoutErrcode() throws Exception {
		JsonNode answer = json(get(FakeWechat.TOKEN_PATH + credentials()));

		assertThat(answer.path("access_token").asString()).hasSizeGreaterThanOrEqualTo(150).matches("[A-Za-z0-9_-]+");
		assertThat(answer.path("expires_in").asInt()).isEqualTo(7200);
		assertThat(answer.has("errcode")).isFalse();
	}

	@Test
	void a03_theTokenEndpointRefusesBadCredentialsIpsFrozenSecretsAndTheDailyLimit() throws Exception {
		fake.clock().advanceToNextQuotaDay();
		String base = FakeWechat.TOKEN_PATH + "?grant_type=client_credential";
		assertThat(errcode(get(FakeWechat.TOKEN_PATH + "?grant_type=password&appid=" + FakeWechat.APP_ID + "&secret=" + FakeWechat.SECRET))).isEqualTo(40002);
		assertThat(errcode(get(base + "&appid=wxUNKNOWN&secret=" + FakeWechat.SECRET))).isEqualTo(40013);
		assertThat(errcode(get(base + "&appid=" + FakeWechat.APP_ID + "&secret=wrong"))).isEqualTo(40125);
		assertThat(errcode(get(base + "&appid=" + FakeWechat.APP_ID))).isEqualTo(41004);
		assertThat(errcode(get(base + "&secret=" + FakeWechat.SECRET))).isEqualTo(41002);

		fake.tokens().allowIps(Set.of("10.0.0.1"));
		assertThat(errcode(get(FakeWechat.TOKEN_PATH + credentials()))).isEqualTo(40164);
		fake.tokens().allowIps(null);
		fake.tokens().dailyTokenLimit(1);
		assertThat(json(get(FakeWechat.TOKEN_PATH + credentials())).has("access_token")).isTrue();
		assertThat(errcode(get(FakeWechat.TOKEN_PATH + credentials()))).isEqualTo(45009);
		fake.tokens().freezeSecret();
		assertThat(errcode(get(FakeWechat.TOKEN_PATH + credentials()))).isEqualTo(40243);
	}

	@Test
	void a04_aSecondTokenLeavesTheFirstFiveMinutesAndAThirdEndsItAtOnce() throws Exception {
		String first = token();
		token();
		assertThat(errcode(templateSendWith(first))).isZero();
		fake.clock().advance(Duration.ofSeconds(301));
		assertThat(errcode(templateSendWith(first))).isEqualTo(40001);

		String again = token();
		token();
		token();
		assertThat(errcode(templateSendWith(again))).isEqualTo(40001);
	}

	@Test
	void a05_theStableTokenEndpointRefusesGetAndEmptyBodies() throws Exception {
		assertThat(errcode(get(FakeWechat.STABLE_TOKEN_PATH))).isEqualTo(43002);
		assertThat(errcode(post(FakeWechat.STABLE_TOKEN_PATH, ""))).isEqualTo(44002);
		assertThat(errcode(post(FakeWechat.STABLE_TOKEN_PATH, "{not json"))).isEqualTo(47001);
	}

	@Test
	void a06_aStableTokenIsRepeatedWithItsRemainingLife() throws Exception {
		JsonNode first = stable(false);
		fake.clock().advance(Duration.ofSeconds(1000));
		JsonNode second = stable(false);

		assertThat(second.path("access_token").asString()).isEqualTo(first.path("access_token").asString());
		assertThat(second.path("expires_in").asInt()).isBetween(6198, 6200);
	}

	@Test
	void a07_inItsLastFiveMinutesANewStableTokenComesAndTheOldOneLivesToItsExpiry() throws Exception {
		String old = stable(false).path("access_token").asString();
		fake.clock().advance(Duration.ofSeconds(7200 - 200));
		String fresh = stable(false).path("access_token").asString();

		assertThat(fresh).isNotEqualTo(old);
		assertThat(errcode(templateSendWith(old))).isZero();
		fake.clock().advance(Duration.ofSeconds(201));
		assertThat(errcode(templateSendWith(old))).isEqualTo(42001);
		assertThat(errcode(templateSendWith(fresh))).isZero();
	}

	@Test
	void a08_aForcedRefreshIssuesANewTokenAtMostOnceInThirtySecondsAndTwentyTimesADay() throws Exception {
		fake.clock().advanceToNextQuotaDay();
		String old = stable(false).path("access_token").asString();
		String forced = stable(true).path("access_token").asString();
		assertThat(forced).isNotEqualTo(old);
		assertThat(stable(true).path("access_token").asString()).isEqualTo(forced);
		assertThat(errcode(templateSendWith(old))).isZero();
		fake.clock().advance(Duration.ofSeconds(301));
		assertThat(errcode(templateSendWith(old))).isEqualTo(40001);

		for (int i = 2; i <= 20; i++) {
			fake.clock().advance(Duration.ofSeconds(31));
			assertThat(stable(true).has("access_token")).as("forced call %d", i).isTrue();
		}
		fake.clock().advance(Duration.ofSeconds(31));
		assertThat(stable(true).path("errcode").asInt()).isEqualTo(45009);
	}

	@Test
	void a09_normalAndStableTokensNeverInvalidateEachOther() throws Exception {
		String stableToken = stable(false).path("access_token").asString();
		String normal = token();
		token();
		token();
		stable(true);

		assertThat(errcode(templateSendWith(stableToken))).isZero();
		assertThat(errcode(templateSendWith(normal))).isEqualTo(40001);
	}

	@Test
	void a10_businessCallsCheckTheTokenAndIgnoreExtraParameters() throws Exception {
		String body = sendBody(OPENID, TEMPLATE, GOOD_DATA, null);
		assertThat(errcode(post(FakeWechat.TEMPLATE_SEND_PATH, body))).isEqualTo(41001);
		assertThat(errcode(post(FakeWechat.TEMPLATE_SEND_PATH + "?access_token=bad%20token", body))).isEqualTo(40014);
		assertThat(errcode(post(FakeWechat.TEMPLATE_SEND_PATH + "?access_token=" + "x".repeat(150), body))).isEqualTo(40001);
		String token = stable(false).path("access_token").asString();
		assertThat(errcode(post(FakeWechat.TEMPLATE_SEND_PATH + "?ticket=whatever&access_token=" + token, body))).isZero();
		fake.clock().advance(Duration.ofSeconds(7201));
		assertThat(errcode(post(FakeWechat.TEMPLATE_SEND_PATH + "?access_token=" + token, body))).isEqualTo(42001);
	}

	@Test
	void a11_templateSendRefusesWhatWechatRefuses() throws Exception {
		assertThat(errcode(templateSend("oNOBODY", TEMPLATE, GOOD_DATA, null))).isEqualTo(40003);
		assertThat(errcode(templateSend(OPENID, "TPL-unknown", GOOD_DATA, null))).isEqualTo(40037);
		assertThat(errcode(templateSend("oSTRANGER", TEMPLATE, GOOD_DATA, null))).isEqualTo(43004);
		HttpResponse<String> empty = templateSend(OPENID, TEMPLATE, "{\"thing1\":{\"value\":\"\"},\"time2\":{\"value\":\"09:30\"}}", null);
		assertThat(errcode(empty)).isEqualTo(47003);
		assertThat(json(empty).path("errmsg").asString()).contains("data.thing1.value is empty");
		HttpResponse<String> illTyped = templateSend(OPENID, TEMPLATE, "{\"thing1\":{\"value\":\"x\"},\"time2\":{\"value\":\"明天\"}}", null);
		assertThat(json(illTyped).path("errmsg").asString()).contains("data.time2.value invalid");
		assertThat(errcode(business(FakeWechat.TEMPLATE_SEND_PATH, "{oops"))).isEqualTo(47001);

		fake.clock().advance(Duration.ofDays(1));
		fake.messages().templateDailyLimit(1);
		assertThat(errcode(templateSend(OPENID, TEMPLATE, GOOD_DATA, null))).isZero();
		assertThat(errcode(templateSend(OPENID, TEMPLATE, GOOD_DATA, null))).isEqualTo(45009);
	}

	@Test
	void a12_everyMsgidIsAUniqueInt64AndSomeExceedTwoToTheFiftyThird() throws Exception {
		List<BigInteger> msgids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Matcher raw = Pattern.compile("\"msgid\":(\\d+)").matcher(templateSend(OPENID, TEMPLATE, GOOD_DATA, null).body());
			assertThat(raw.find()).isTrue();
			msgids.add(new BigInteger(raw.group(1)));
		}

		assertThat(msgids).doesNotHaveDuplicates().allMatch(id -> id.bitLength() <= 63);
		assertThat(msgids).anyMatch(id -> id.compareTo(BigInteger.TWO.pow(53)) > 0);
	}

	@Test
	void a13_aRepeatedClientMsgIdWithinTenMinutesDeliversOnceAndAnswersTheFirstMsgid() throws Exception {
		fake.callbacks().target(receiver.uri());
		long first = json(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1")).path("msgid").asLong();
		long second = json(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1")).path("msgid").asLong();
		fake.clock().advance(Duration.ofMinutes(11));
		long later = json(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1")).path("msgid").asLong();

		assertThat(second).isEqualTo(first);
		assertThat(later).isNotEqualTo(first);
		assertThat(fake.messages().deliveries()).hasSize(2);
		assertThat(fake.messages().repeatsAbsorbed()).isEqualTo(1);
		assertThat(receiver.pushes(2)).hasSize(2);
	}

	@Test
	void a13_aRepeatCanBeAnsweredWith45065NamingTheFirstMsgid() throws Exception {
		fake.messages().answerRepeatsWith(45065);
		long first = json(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1")).path("msgid").asLong();

		JsonNode repeat = json(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1"));

		assertThat(repeat.path("errcode").asInt()).isEqualTo(45065);
		assertThat(repeat.path("msgid").asLong()).isEqualTo(first);
		assertThat(fake.messages().deliveredWith("outbox-1")).isEqualTo(1);
	}

	@Test
	void a14_templateSendDropsFirstRemarkAndColorStripsEmojiAndCutsLongValuesSilently() throws Exception {
		String data = "{\"first\":{\"value\":\"您好\"},\"thing1\":{\"value\":\"新生儿出生一件事联办：出生医学证明户口登记医保参保\\n👶\",\"color\":\"#FF0000\"},"
				+ "\"time2\":{\"value\":\"09:30\"},\"remark\":{\"value\":\"谢谢\"}}";

		assertThat(errcode(templateSend(OPENID, TEMPLATE, data, null))).isZero();
		assertThat(fake.messages().deliveries().get(0).rendered()).containsOnlyKeys("thing1", "time2")
				.hasEntrySatisfying("thing1", value -> assertThat(value).hasSize(20).endsWith("...").doesNotContain("\n", "👶"));
	}

	@Test
	void a15_anAcceptedSendIsFollowedByExactlyOneJobFinishPushWithItsMsgidAndStatus() throws Exception {
		fake.callbacks().target(receiver.uri());
		long delivered = json(templateSend(OPENID, TEMPLATE, GOOD_DATA, null)).path("msgid").asLong();
		long blocked = json(templateSend("oBLOCKER", TEMPLATE, GOOD_DATA, null)).path("msgid").asLong();
		fake.messages().failNextDeliveryBySystem();
		long failed = json(templateSend(OPENID, TEMPLATE, GOOD_DATA, null)).path("msgid").asLong();

		assertThat(receiver.pushes(3)).extracting(CallbackReceiver.Push::body).satisfiesExactly(
				push -> assertThat(push).contains("<MsgID>" + delivered + "</MsgID>", "<Status><![CDATA[success]]></Status>"),
				push -> assertThat(push).contains("<MsgID>" + blocked + "</MsgID>", "failed:user block"),
				push -> assertThat(push).contains("<MsgID>" + failed + "</MsgID>", "failed: system failed"));
	}

	@Test
	void a16_bizsendEnforcesTheTypeRulesAndTheUsersConsent() throws Exception {
		fake.callbacks().target(receiver.uri());
		assertThat(errcode(bizsend(OPENID, "出生登记", "已受理"))).isEqualTo(43101);
		fake.messages().subscription(OPENID, SUBSCRIBE_TEMPLATE, false);
		assertThat(errcode(bizsend(OPENID, "一二三四五六七八九十一二三四五六七八九十一", "已受理"))).isEqualTo(47003);
		assertThat(errcode(bizsend(OPENID, "出生登记", "已受理1"))).isEqualTo(47003);
		HttpResponse<String> sent = bizsend(OPENID, "出生登记", "已受理");
		assertThat(errcode(sent)).isZero();
		assertThat(errcode(bizsend(OPENID, "出生登记", "已受理"))).isEqualTo(43101);
		fake.messages().follower("oLONG");
		fake.messages().subscription("oLONG", SUBSCRIBE_TEMPLATE, true);
		assertThat(errcode(bizsend("oLONG", "出生登记", "已受理"))).isZero();
		assertThat(errcode(bizsend("oLONG", "出生登记", "已受理"))).isZero();

		long msgid = json(sent).path("msgid").asLong();
		assertThat(receiver.pushes(1).get(0).body()).contains("subscribe_msg_sent_event", "<MsgID>" + msgid + "</MsgID>",
				"<TemplateId><![CDATA[" + SUBSCRIBE_TEMPLATE + "]]></TemplateId>", "<ErrorCode>0</ErrorCode>", "success");
	}

	@Test
	void a18_qrCodeCreationFollowsTheArgumentRules() throws Exception {
		assertThat(errcode(business(FakeWechat.QRCODE_CREATE_PATH, qr("QR_SCENE", "\"scene_id\":0", 60)))).isEqualTo(40097);
		assertThat(errcode(business(FakeWechat.QRCODE_CREATE_PATH, qr("QR_STR_SCENE", "\"scene_str\":\"" + "x".repeat(65) + "\"", 60)))).isEqualTo(40097);
		assertThat(errcode(business(FakeWechat.QRCODE_CREATE_PATH, qr("QR_STR_SCENE", "\"scene_str\":\"a\"", 2_592_001)))).isEqualTo(40097);
		assertThat(errcode(business(FakeWechat.QRCODE_CREATE_PATH, qr("QR_LIMIT_SCENE", "\"scene_id\":100001", 0)))).isEqualTo(40097);

		JsonNode defaulted = json(business(FakeWechat.QRCODE_CREATE_PATH,
				"{\"action_name\":\"QR_STR_SCENE\",\"action_info\":{\"scene\":{\"scene_str\":\"case-1\"}}}"));
		assertThat(defaulted.path("expire_seconds").asInt()).isEqualTo(60);
		assertThat(defaulted.path("ticket").asString()).isNotEmpty();
		assertThat(defaulted.path("url").asString()).startsWith("http://weixin.qq.com/q/");
		JsonNode permanent = json(business(FakeWechat.QRCODE_CREATE_PATH,
				"{\"action_name\":\"QR_LIMIT_SCENE\",\"action_info\":{\"scene\":{\"scene_id\":100000}}}"));
		assertThat(permanent.has("ticket")).isTrue();
		assertThat(permanent.has("expire_seconds")).isFalse();
	}

	@Test
	void a19_showQrCodeServesLiveTicketsAndNotFoundOtherwise() throws Exception {
		String ticket = json(business(FakeWechat.QRCODE_CREATE_PATH, qr("QR_STR_SCENE", "\"scene_str\":\"case-1\"", 60))).path("ticket").asString();
		String encoded = URLEncoder.encode(ticket, StandardCharsets.UTF_8);

		HttpResponse<String> image = get(FakeWechat.SHOW_QRCODE_PATH + "?ticket=" + encoded + "&access_token=ignored");
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).contains("image/jpg");
		assertThat(get(FakeWechat.SHOW_QRCODE_PATH + "?ticket=unknown").statusCode()).isEqualTo(404);
		fake.clock().advance(Duration.ofSeconds(61));
		assertThat(get(FakeWechat.SHOW_QRCODE_PATH + "?ticket=" + encoded).statusCode()).isEqualTo(404);
	}

	@Test
	void a20_aScanPushesSubscribeOrScanWithTheSceneAndAnExpiredCodePushesNothing() throws Exception {
		fake.callbacks().target(receiver.uri());
		String ticket = json(business(FakeWechat.QRCODE_CREATE_PATH, qr("QR_STR_SCENE", "\"scene_str\":\"case-42\"", 60))).path("ticket").asString();

		fake.qrCodes().scan("oNEWCOMER", ticket);
		fake.qrCodes().scan("oNEWCOMER", ticket);
		fake.clock().advance(Duration.ofSeconds(61));
		assertThat(fake.qrCodes().scan("oNEWCOMER", ticket)).isNull();

		assertThat(receiver.pushes()).extracting(CallbackReceiver.Push::body).satisfiesExactly(
				push -> assertThat(push).contains("<Event><![CDATA[subscribe]]></Event>", "qrscene_case-42", ticket),
				push -> assertThat(push).contains("<Event><![CDATA[SCAN]]></Event>", "<EventKey><![CDATA[case-42]]></EventKey>", ticket));
	}

	@Test
	void a21_authorizeRedirectsWithACodeAndTheStateUntouched() throws Exception {
		String redirect = URLEncoder.encode("https://zwfw.example.cn/wechat/oauth/callback", StandardCharsets.UTF_8);
		HttpResponse<String> answer = get(FakeWechat.AUTHORIZE_PATH + "?appid=" + FakeWechat.APP_ID + "&redirect_uri=" + redirect
				+ "&response_type=code&scope=snsapi_base&state=Abc123xyz&connect_redirect=1");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow())
				.matches("https://zwfw\\.example\\.cn/wechat/oauth/callback\\?code=[0-9a-f]+&state=Abc123xyz");

		fake.oauth().refuseUserinfo();
		HttpResponse<String> refused = get(FakeWechat.AUTHORIZE_PATH + "?appid=" + FakeWechat.APP_ID + "&redirect_uri=" + redirect
				+ "&response_type=code&scope=snsapi_userinfo&state=Abc123xyz");
		assertThat(refused.headers().firstValue("Location").orElseThrow()).isEqualTo("https://zwfw.example.cn/wechat/oauth/callback?state=Abc123xyz");
	}

	@Test
	void a22_aCodeIsExchangedOnceWithinFiveMinutes() throws Exception {
		String code = fake.oauth().issueCode("oBROWSER", "snsapi_base");
		JsonNode first = json(get(FakeWechat.OAUTH_TOKEN_PATH + "?appid=" + FakeWechat.APP_ID + "&secret=" + FakeWechat.SECRET
				+ "&code=" + code + "&grant_type=authorization_code"));
		assertThat(first.path("openid").asString()).isEqualTo("oBROWSER");
		assertThat(first.path("scope").asString()).isEqualTo("snsapi_base");
		assertThat(first.has("access_token") && first.has("refresh_token") && first.has("expires_in")).isTrue();
		assertThat(first.has("unionid")).isFalse();
		assertThat(errcode(exchange(code))).isEqualTo(40163);
		assertThat(errcode(exchange("unknown"))).isEqualTo(40029);

		String stale = fake.oauth().issueCode("oBROWSER", "snsapi_base");
		fake.clock().advance(Duration.ofSeconds(301));
		assertThat(errcode(exchange(stale))).isEqualTo(40029);

		fake.oauth().unionId("uUNION");
		assertThat(json(exchange(fake.oauth().issueCode("oBROWSER", "snsapi_userinfo"))).path("unionid").asString()).isEqualTo("uUNION");
	}

	@Test
	void a23_urlVerificationIsSignedAsTheOfficialVectorsAndWantsEchostrVerbatim() throws Exception {
		assertThat(FakeCrypt.signature("AAAAA", "1714036504", "1514711492")).isEqualTo("f464b24fc39322e44b38aa78f5edd27bd1441696");
		assertThat(FakeCrypt.signature("AAAAA", "1714037059", "486452656")).isEqualTo("899cf89e464efb63f54ddac96b0a0a235f53aa78");
		assertThat(FakeCrypt.signature("AAAAA", "1715943329", "1590219412")).isEqualTo("cc0c594499c1634947d5b502f158ee518947db27");

		fake.callbacks().target(receiver.uri());
		receiver.answer(push -> push.query().replaceAll(".*echostr=([^&]*).*", "$1"));
		assertThat(fake.callbacks().verifyUrl()).isTrue();
		receiver.answer(push -> "<xml>echo</xml>");
		assertThat(fake.callbacks().verifyUrl()).isFalse();
		assertThat(receiver.pushes().get(0).query()).contains("signature=", "timestamp=", "nonce=", "echostr=");
	}

	@Test
	void a24_pushesAreSignedPostsAndCarryTheBodyOfTheirMode() {
		fake.callbacks().target(receiver.uri());
		String event = FakeEvents.scan("oUSER", "case-42", "TICKET");

		fake.callbacks().mode(FakeCallbacks.Mode.PLAIN).push(event);
		fake.callbacks().mode(FakeCallbacks.Mode.SAFE).push(event);
		fake.callbacks().mode(FakeCallbacks.Mode.COMPATIBLE).push(event);

		List<CallbackReceiver.Push> pushes = receiver.pushes();
		assertThat(pushes).allSatisfy(push -> {
			assertThat(push.method()).isEqualTo("POST");
			assertThat(push.query()).contains("signature=", "timestamp=", "nonce=", "openid=oUSER");
		});
		assertThat(pushes.get(0).query()).doesNotContain("encrypt_type");
		assertThat(pushes.get(0).body()).isEqualTo(event);
		assertThat(pushes.get(1).query()).contains("encrypt_type=aes", "msg_signature=");
		assertThat(pushes.get(1).body()).contains("<ToUserName>", "<Encrypt>").doesNotContain("<FromUserName>", "<Event>");
		assertThat(pushes.get(2).body()).contains("<Encrypt>", "<FromUserName>", "<Event>");
	}

	@Test
	void a25_theFakesEncryptionReproducesTheReferenceVectorAndOpensIt() {
		String encrypt = FakeCrypt.encrypt(ReferenceVector.AES_KEY, ReferenceVector.APP_ID, ReferenceVector.RANDOM, ReferenceVector.MESSAGE);

		assertThat(encrypt).isEqualTo(ReferenceVector.ENCRYPT);
		assertThat(FakeCrypt.signature(ReferenceVector.TOKEN, ReferenceVector.TIMESTAMP, ReferenceVector.NONCE, encrypt))
				.isEqualTo(ReferenceVector.MSG_SIGNATURE);
		assertThat(FakeCrypt.decrypt(ReferenceVector.AES_KEY, encrypt))
				.isEqualTo(new FakeCrypt.Opened(ReferenceVector.MESSAGE, ReferenceVector.APP_ID));
	}

	@Test
	void a26_aPushWithoutAnAnswerInTimeIsSentAgainIdenticallyAndAnAnswerStopsIt() {
		fake.callbacks().target(receiver.uri()).patience(Duration.ofMillis(300), 3);
		receiver.answer(push -> {
			if (receiver.pushes().size() < 3) {
				pause(Duration.ofMillis(600));
			}
			return "success";
		});

		FakeCallbacks.Outcome outcome = fake.callbacks().push(FakeEvents.scan("oUSER", "case-42", "T"));

		assertThat(outcome.attempts()).hasSize(3);
		assertThat(outcome.attempts()).extracting(FakeCallbacks.Attempt::body).containsOnly(outcome.attempts().get(0).body());
		assertThat(outcome.attempts()).extracting(FakeCallbacks.Attempt::timedOut).containsExactly(true, true, false);
		assertThat(outcome.invalidReply()).isFalse();

		receiver.answer(push -> "{\"json\":\"is not a reply\"}");
		assertThat(fake.callbacks().push(FakeEvents.scan("oUSER", "case-43", "T")).invalidReply()).isTrue();
	}

	@Test
	void a27_faultsCanBeInjectedPerEndpoint() throws Exception {
		fake.failNext(FakeWechat.TOKEN_PATH, Fault.errcode(-1), 2);
		fake.failNext(FakeWechat.STABLE_TOKEN_PATH, Fault.httpStatus(503));

		assertThat(errcode(get(FakeWechat.TOKEN_PATH + credentials()))).isEqualTo(-1);
		assertThat(errcode(get(FakeWechat.TOKEN_PATH + credentials()))).isEqualTo(-1);
		assertThat(json(get(FakeWechat.TOKEN_PATH + credentials())).has("access_token")).isTrue();
		HttpResponse<String> broken = post(FakeWechat.STABLE_TOKEN_PATH, "{}");
		assertThat(broken.statusCode()).isEqualTo(503);
		assertThat(broken.body()).startsWith("<html>");

		fake.failNext(FakeWechat.TOKEN_PATH, Fault.slow(Duration.ofSeconds(2)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(fake.url() + FakeWechat.TOKEN_PATH + credentials()))
				.timeout(Duration.ofMillis(300)).build();
		assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
	}

	@Test
	void a27_aDroppedAnswerClosesTheConnectionAfterTheMessageWasTaken() throws Exception {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.dropAnswer());

		assertThatThrownBy(() -> templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1")).isInstanceOf(java.io.IOException.class);
		assertThat(fake.messages().deliveredWith("outbox-1")).isEqualTo(1);
	}

	@Test
	void a27_aFaultAimedAtAnOpenidIsTakenOnlyByASendToIt() throws Exception {
		fake.messages().follower("oANOTHER");
		fake.failNextSendTo(OPENID, Fault.errcode(-1));

		assertThat(errcode(templateSend("oANOTHER", TEMPLATE, GOOD_DATA, "outbox-other"))).as("another's send passes").isZero();
		assertThat(errcode(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1"))).isEqualTo(-1);
		assertThat(errcode(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1"))).as("taken once").isZero();
	}

	@Test
	void a27_aFaultRuleSeesEveryCallOfItsEndpointAndAnswersThoseItChooses() throws Exception {
		List<String> seen = new ArrayList<>();
		fake.faultRule(FakeWechat.TEMPLATE_SEND_PATH, request -> {
			seen.add(request.body());
			return request.body().contains("outbox-down") ? Fault.httpStatus(503) : null;
		});
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(-1));

		assertThat(errcode(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1"))).as("failNext goes first").isEqualTo(-1);
		assertThat(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-down").statusCode()).isEqualTo(503);
		assertThat(errcode(templateSend(OPENID, TEMPLATE, GOOD_DATA, "outbox-1"))).isZero();
		assertThat(seen).hasSize(3).allSatisfy(body -> assertThat(body).contains("\"touser\":\"" + OPENID + "\""));
		assertThat(fake.messages().deliveries()).extracting(FakeMessages.Delivery::clientMsgId).containsExactly("outbox-1");
	}

	@Test
	void a28_everyRequestIsKeptForAssertions() throws Exception {
		String token = stable(false).path("access_token").asString();
		templateSendWith(token);

		assertThat(fake.received()).extracting(FakeWechat.Received::path)
				.containsExactly(FakeWechat.STABLE_TOKEN_PATH, FakeWechat.TEMPLATE_SEND_PATH);
		assertThat(fake.tokensUsed()).containsExactly(token);
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH).get(0).body()).contains("\"touser\":\"" + OPENID + "\"");
	}

	// ------------------------------------------------------------------ helpers

	private String token() throws Exception {
		return json(get(FakeWechat.TOKEN_PATH + credentials())).path("access_token").asString();
	}

	private JsonNode stable(boolean force) throws Exception {
		return json(post(FakeWechat.STABLE_TOKEN_PATH, "{\"grant_type\":\"client_credential\",\"appid\":\"" + FakeWechat.APP_ID
				+ "\",\"secret\":\"" + FakeWechat.SECRET + "\",\"force_refresh\":" + force + "}"));
	}

	private HttpResponse<String> templateSend(String openid, String template, String data, String clientMsgId) throws Exception {
		return business(FakeWechat.TEMPLATE_SEND_PATH, sendBody(openid, template, data, clientMsgId));
	}

	private HttpResponse<String> templateSendWith(String token) throws Exception {
		return post(FakeWechat.TEMPLATE_SEND_PATH + "?access_token=" + token, sendBody(OPENID, TEMPLATE, GOOD_DATA, null));
	}

	private HttpResponse<String> bizsend(String openid, String thing, String phrase) throws Exception {
		return business(FakeWechat.BIZSEND_PATH, "{\"touser\":\"" + openid + "\",\"template_id\":\"" + SUBSCRIBE_TEMPLATE
				+ "\",\"data\":{\"thing1\":{\"value\":\"" + thing + "\"},\"phrase2\":{\"value\":\"" + phrase + "\"}}}");
	}

	private HttpResponse<String> exchange(String code) throws Exception {
		return get(FakeWechat.OAUTH_TOKEN_PATH + "?appid=" + FakeWechat.APP_ID + "&secret=" + FakeWechat.SECRET + "&code=" + code
				+ "&grant_type=authorization_code");
	}

	/** A business call with a valid stable token. */
	private HttpResponse<String> business(String path, String body) throws Exception {
		return post(path + "?access_token=" + stable(false).path("access_token").asString(), body);
	}

	private static String sendBody(String openid, String template, String data, String clientMsgId) {
		return "{\"touser\":\"" + openid + "\",\"template_id\":\"" + template + "\""
				+ (clientMsgId == null ? "" : ",\"client_msg_id\":\"" + clientMsgId + "\"") + ",\"data\":" + data + "}";
	}

	private static String qr(String action, String scene, long expireSeconds) {
		return "{\"expire_seconds\":" + expireSeconds + ",\"action_name\":\"" + action + "\",\"action_info\":{\"scene\":{" + scene + "}}}";
	}

	private static String credentials() {
		return "?grant_type=client_credential&appid=" + FakeWechat.APP_ID + "&secret=" + FakeWechat.SECRET;
	}

	private HttpResponse<String> get(String pathAndQuery) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(fake.url() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(fake.url() + pathAndQuery))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return FakeResponse.JSON.readTree(response.body());
	}

	private static int errcode(HttpResponse<String> response) {
		return json(response).path("errcode").asInt(0);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
