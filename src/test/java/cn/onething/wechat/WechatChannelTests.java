package cn.onething.wechat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import cn.onething.wechat.fake.Fault;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.internal.SendHealth;
import cn.onething.wechat.internal.WechatFixture;
import cn.onething.wechat.internal.WechatProperties;
import cn.onething.wechat.internal.WxJavaGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The channel through real WxJava against the fake WeChat on loopback. Test names starting with b and a number are
 * the notifier items of docs/wechat.md §10.B.
 */
class WechatChannelTests {

	static final String TEMPLATE = "TPL-progress";
	static final String SUBSCRIBE_TEMPLATE = "SUB-progress";
	static final String FOLLOWER = "oFOLLOWER";
	static final JsonMapper JSON = JsonMapper.builder().build();

	FakeWechat fake;
	WxJavaGateway gateway;
	WechatChannel channel;

	@BeforeEach
	void channelAgainstTheFake() {
		fake = FakeWechat.start();
		fake.messages().follower(FOLLOWER);
		fake.messages().nonFollower("oSTRANGER");
		fake.messages().template(TEMPLATE, "thing1", "character_string2", "time3", "phrase4");
		fake.messages().template(SUBSCRIBE_TEMPLATE, "thing1", "time2", "phrase3");
		fake.messages().subscription(FOLLOWER, SUBSCRIBE_TEMPLATE, true);
		WechatProperties properties = WechatFixture.against(fake);
		gateway = new WxJavaGateway(properties);
		channel = new WechatChannel(gateway, properties, new SendHealth(recovered -> Mono.empty(), Clock.systemUTC()));
	}

	@AfterEach
	void stop() {
		gateway.destroy();
		fake.close();
	}

	@Test
	void b01_everyCallGoesToTheConfiguredHostsOnLoopback() {
		send(push(FOLLOWER, "outbox-1"));
		channel.sendSubscribe(subscribe(FOLLOWER, "2024年5月1日 09:30")).block();
		channel.createBindingQr("case-1").block();

		assertThat(fake.received()).extracting(FakeWechat.Received::path).containsExactly(FakeWechat.STABLE_TOKEN_PATH,
				FakeWechat.TEMPLATE_SEND_PATH, FakeWechat.BIZSEND_PATH, FakeWechat.QRCODE_CREATE_PATH);
	}

	@Test
	void b02_theFirstCallFetchesAStableTokenWithoutForceAndTenSendsNeedOnlyThatOne() {
		for (int i = 0; i < 10; i++) {
			assertThat(send(push(FOLLOWER, "outbox-" + i))).isInstanceOf(SendResult.Sent.class);
		}

		assertThat(fake.received(FakeWechat.TOKEN_PATH)).isEmpty();
		assertThat(fake.received(FakeWechat.STABLE_TOKEN_PATH)).singleElement()
				.satisfies(request -> assertThat(json(request.body()).path("force_refresh").asBoolean(true)).isFalse());
	}

	@Test
	void b03_noCodePathForcesATokenRefreshEvenAfterATokenError() {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(40001));

		send(push(FOLLOWER, "outbox-1"));

		assertThat(fake.received(FakeWechat.STABLE_TOKEN_PATH)).hasSize(2)
				.allSatisfy(request -> assertThat(json(request.body()).path("force_refresh").asBoolean(true)).isFalse());
	}

	@ParameterizedTest
	@ValueSource(ints = { 40001, 40014, 42001 })
	void b04_aTokenErrorRefreshesOnceAndResendsOnce(int errcode) {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(errcode));

		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOf(SendResult.Sent.class);
		assertThat(fake.tokenRequests()).isEqualTo(2);
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH)).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(ints = { 40001, 40014, 42001 })
	void b04_aTokenRefusedAgainAfterTheRefreshIsReportedWithoutLooping(int errcode) {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(errcode), 5);

		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOfSatisfying(SendResult.TokenRejected.class,
				rejected -> assertThat(rejected.errcode()).isEqualTo(errcode));
		assertThat(fake.tokenRequests()).isEqualTo(2);
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH)).hasSize(2);
	}

	@Test
	void b05_aSystemErrorIsOneHttpAttemptBecauseWxJavasRetryIsOff() {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(-1), 6);

		assertThat(send(push(FOLLOWER, "outbox-1"))).isEqualTo(new SendResult.Temporary(-1, "system error"));
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH)).hasSize(1);
	}

	@Test
	void b05_aSystemErrorFromTheTokenEndpointIsOneAttemptToo() {
		fake.failNext(FakeWechat.STABLE_TOKEN_PATH, Fault.errcode(-1), 6);

		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOfSatisfying(SendResult.Temporary.class,
				temporary -> assertThat(temporary.errcode()).isEqualTo(-1));
		assertThat(fake.tokenRequests()).isEqualTo(1);
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH)).isEmpty();
	}

	@Test
	void b06_aTimeoutIsAnUnknownOutcomeAndTheResendWithTheSameClientMsgIdDeliversOnce() {
		send(push(FOLLOWER, "warm-up"));
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.slow(Duration.ofSeconds(3)));

		SendResult first = send(push(FOLLOWER, "outbox-7"));
		SendResult again = send(push(FOLLOWER, "outbox-7"));

		assertThat(first).isInstanceOfSatisfying(SendResult.Unknown.class,
				unknown -> assertThat(unknown.errcode()).isEqualTo(SendResult.NO_ANSWER));
		List<Long> delivered = fake.messages().deliveries().stream().filter(d -> "outbox-7".equals(d.clientMsgId()))
				.map(d -> d.msgid()).toList();
		assertThat(delivered).hasSize(1);
		assertThat(again).isEqualTo(new SendResult.Sent(String.valueOf(delivered.get(0))));
	}

	@Test
	void b06_anAnswerLostAfterWechatTookTheMessageIsAnUnknownOutcome() {
		send(push(FOLLOWER, "warm-up"));
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.dropAnswer());

		assertThat(send(push(FOLLOWER, "outbox-8"))).isInstanceOf(SendResult.Unknown.class);
		assertThat(fake.messages().deliveredWith("outbox-8")).isEqualTo(1);
	}

	@Test
	void b06_aBadGatewayPageIsAnUnknownOutcomeButServiceUnavailableMeansNotTaken() {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.httpStatus(502));
		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOf(SendResult.Unknown.class);

		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.httpStatus(503));
		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOfSatisfying(SendResult.Temporary.class,
				temporary -> assertThat(temporary.errcode()).isEqualTo(SendResult.NO_ANSWER));
	}

	@Test
	void b06_aRefusedConnectionMeansTheMessageNeverLeft() {
		FakeWechat gone = FakeWechat.start();
		gone.messages().follower(FOLLOWER);
		gone.messages().template(TEMPLATE, "thing1", "character_string2", "time3", "phrase4");
		WxJavaGateway toGone = new WxJavaGateway(WechatFixture.against(gone));
		try {
			WechatChannel channelToGone = new WechatChannel(toGone, WechatFixture.against(gone),
					new SendHealth(recovered -> Mono.empty(), Clock.systemUTC()));
			assertThat(channelToGone.sendTemplate(push(FOLLOWER, "warm-up")).block()).isInstanceOf(SendResult.Sent.class);
			gone.close();

			assertThat(channelToGone.sendTemplate(push(FOLLOWER, "outbox-1")).block())
					.as("written to the kept-alive connection the server had closed: no telling whether it was read")
					.isInstanceOf(SendResult.Unknown.class);
			assertThat(channelToGone.sendTemplate(push(FOLLOWER, "outbox-1")).block()).as("then the connection is refused")
					.isInstanceOfSatisfying(SendResult.Temporary.class,
							temporary -> assertThat(temporary.errcode()).isEqualTo(SendResult.NO_ANSWER));
		}
		finally {
			toGone.destroy();
		}
	}

	@Test
	void anAnswerThatTheClientMsgIdWasUsedMeansTheApplicantHasTheFirstSend() {
		fake.messages().answerRepeatsWith(45065);
		SendResult first = send(push(FOLLOWER, "outbox-9"));

		assertThat(send(push(FOLLOWER, "outbox-9"))).isEqualTo(first);
		assertThat(fake.messages().deliveredWith("outbox-9")).isEqualTo(1);
	}

	@Test
	void b06_anHttpErrorOnTheTokenEndpointIsTemporary() {
		fake.failNext(FakeWechat.STABLE_TOKEN_PATH, Fault.httpStatus(500));

		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOfSatisfying(SendResult.Temporary.class,
				temporary -> assertThat(temporary.errcode()).isEqualTo(SendResult.NO_ANSWER));
	}

	@Test
	void b07_theOutboxIdTravelsAsClientMsgId() {
		send(push(FOLLOWER, "outbox-1234"));
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(-1));
		send(push(FOLLOWER, "outbox-1235"));
		send(push(FOLLOWER, "outbox-1235"));

		assertThat(fake.clientMsgIds()).containsExactly("outbox-1234", "outbox-1235", "outbox-1235");
	}

	@ParameterizedTest
	@ValueSource(ints = { 43004, 43101, 40003, 40037, 47003, 48001, 40036 })
	void b08_aCodeThatRetryingCannotFixIsPermanent(int errcode) {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(errcode));

		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOfSatisfying(SendResult.Permanent.class,
				permanent -> assertThat(permanent.errcode()).isEqualTo(errcode));
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH)).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 45009, 45011, 43117 })
	void b08_busyAndQuotaCodesAreTemporaryAndKeepTheirCode(int errcode) {
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(errcode));

		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOfSatisfying(SendResult.Temporary.class,
				temporary -> assertThat(temporary.errcode()).isEqualTo(errcode));
	}

	@Test
	void b08_aServerOutsideTheAllowListIsTemporaryForTheOperatorToFix() {
		fake.tokens().allowIps(Set.of("10.0.0.1"));

		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOfSatisfying(SendResult.Temporary.class,
				temporary -> assertThat(temporary.errcode()).isEqualTo(40164));
	}

	@Test
	void b08_theDailyQuotaRunningOutIsTemporaryWith45009() {
		fake.messages().templateDailyLimit(1);
		send(push(FOLLOWER, "outbox-1"));

		assertThat(send(push(FOLLOWER, "outbox-2"))).isInstanceOfSatisfying(SendResult.Temporary.class,
				temporary -> assertThat(temporary.errcode()).isEqualTo(45009));
	}

	@Test
	void b09_msgidsBeyondTwoToTheFiftyThirdArriveDigitForDigit() {
		List<String> sent = IntStream.range(0, 3)
				.mapToObj(i -> ((SendResult.Sent) send(push(FOLLOWER, "outbox-" + i))).msgid()).toList();

		assertThat(sent).containsExactlyElementsOf(fake.messages().deliveries().stream().map(d -> String.valueOf(d.msgid())).toList());
		assertThat(Long.parseLong(sent.get(2))).isGreaterThan(1L << 53);
	}

	@Test
	void b10_valuesAreCutMaskedAndOnOneLineBeforeTheyLeave() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", "新生儿出生一件事：出生医学证明、户口登记、医保参保\n一并办理👶");
		data.put("character_string2", "受理号SL20240501000123456789012345678");
		data.put("time3", "2024年5月1日 09:30");
		data.put("phrase4", "已受理");
		send(new TemplatePush(FOLLOWER, TEMPLATE, "https://zwfw.example.cn/progress/1", data, "outbox-1"));

		JsonNode sent = json(fake.received(FakeWechat.TEMPLATE_SEND_PATH).get(0).body()).path("data");
		assertThat(sent.path("thing1").path("value").asString()).hasSize(20).doesNotContain("\n", "👶");
		assertThat(sent.path("character_string2").path("value").asString()).hasSizeLessThanOrEqualTo(32).matches("[\\x21-\\x7E]+");
		assertThat(fake.messages().deliveries().get(0).rendered().get("thing1")).isEqualTo(sent.path("thing1").path("value").asString());
	}

	@Test
	void b10_personalDataIsMaskedBeforeItLeaves() {
		send(new TemplatePush(FOLLOWER, TEMPLATE, null, Map.of("thing1", "身份证110101199003074477", "character_string2", "13812345678",
				"time3", "09:30", "phrase4", "已受理"), "outbox-1"));

		String body = fake.received(FakeWechat.TEMPLATE_SEND_PATH).get(0).body();
		assertThat(body).contains("110****4477", "138****5678").doesNotContain("110101199003074477", "13812345678");
	}

	@Test
	void b11_aSubscribeValueBreakingTheRulesNeverReachesWechat() {
		assertThat(channel.sendSubscribe(subscribe(FOLLOWER, "明天")).block()).isInstanceOfSatisfying(SendResult.Permanent.class,
				permanent -> assertThat(permanent.errcode()).isEqualTo(47003));
		assertThat(fake.received(FakeWechat.BIZSEND_PATH)).isEmpty();
	}

	@Test
	void aSubscribeMessageWithLongTermConsentIsSentWithItsPage() {
		assertThat(channel.sendSubscribe(subscribe(FOLLOWER, "2024-05-01 09:30")).block()).isInstanceOf(SendResult.Sent.class);

		JsonNode body = json(fake.received(FakeWechat.BIZSEND_PATH).get(0).body());
		assertThat(body.path("page").asString()).isEqualTo("https://zwfw.example.cn/progress/1");
		assertThat(body.path("data").path("time2").path("value").asString()).isEqualTo("2024-05-01 09:30");
		assertThat(fake.messages().deliveries()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo("subscribe"));
	}

	@Test
	void aSubscribeMessageWithoutConsentIsPermanentlyRefused() {
		fake.messages().follower("oNOCONSENT");

		assertThat(channel.sendSubscribe(subscribe("oNOCONSENT", "09:30")).block())
				.isInstanceOfSatisfying(SendResult.Permanent.class, permanent -> assertThat(permanent.errcode()).isEqualTo(43101));
	}

	@Test
	void b12_aTokenOfOneHundredFiftyCharactersWorksEndToEnd() {
		assertThat(send(push(FOLLOWER, "outbox-1"))).isInstanceOf(SendResult.Sent.class);
		assertThat(fake.tokensUsed()).singleElement().satisfies(token -> assertThat(token.length()).isGreaterThanOrEqualTo(150));
	}

	@Test
	void b13_aTokenLivingTwoHundredSecondsOrLessIsFetchedForEveryCallAsWxJavaDocuments() {
		fake.tokens().lifetime(Duration.ofSeconds(150));

		for (int i = 0; i < 3; i++) {
			send(push(FOLLOWER, "outbox-" + i));
		}

		assertThat(fake.tokenRequests()).isEqualTo(3);
	}

	@Test
	void b14_eightSendsOnAColdStartUseOneTokenValue() {
		List<SendResult> results = Flux.range(0, 8).flatMap(i -> channel.sendTemplate(push(FOLLOWER, "outbox-" + i)), 8)
				.collectList().block(Duration.ofSeconds(30));

		assertThat(results).hasSize(8).allMatch(SendResult.Sent.class::isInstance);
		assertThat(fake.tokensUsed()).hasSize(1);
	}

	@Test
	void b20_aBindingQrCodeIsATemporaryStringSceneWithExplicitExpiryAndItsImageOnTheMpHost() throws Exception {
		BindingQr qr = channel.createBindingQr("case-42").block();

		JsonNode request = json(fake.received(FakeWechat.QRCODE_CREATE_PATH).get(0).body());
		assertThat(request.path("action_name").asString()).isEqualTo("QR_STR_SCENE");
		assertThat(request.path("action_info").path("scene").path("scene_str").asString()).isEqualTo("case-42");
		assertThat(request.path("expire_seconds").asLong()).isEqualTo(Duration.ofDays(7).toSeconds());
		assertThat(qr.scene()).isEqualTo("case-42");
		assertThat(qr.imageUrl()).isEqualTo(fake.url() + "/cgi-bin/showqrcode?ticket=" + URLEncoder.encode(qr.ticket(), StandardCharsets.UTF_8));
		HttpResponse<byte[]> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(qr.imageUrl())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).contains("image/jpg");
	}

	@Test
	void aRefusedQrCodeFailsWithWechatsCode() {
		fake.failNext(FakeWechat.QRCODE_CREATE_PATH, Fault.errcode(45009));

		assertThatThrownBy(() -> channel.createBindingQr("case-42").block())
				.isInstanceOfSatisfying(WechatException.class, failure -> assertThat(failure.errcode()).isEqualTo(45009));
	}

	@Test
	void aSceneWechatCannotCarryIsRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException().isThrownBy(() -> channel.createBindingQr("x".repeat(65)).block());
		assertThatIllegalArgumentException().isThrownBy(() -> channel.createBindingQr("有中文").block());
		assertThat(fake.received()).isEmpty();
	}

	@Test
	void b23_aNonFollowerAndAnUnknownTemplateSurfaceWechatsCodes() {
		assertThat(send(push("oSTRANGER", "outbox-1"))).isInstanceOfSatisfying(SendResult.Permanent.class,
				permanent -> assertThat(permanent.errcode()).isEqualTo(43004));
		assertThat(send(new TemplatePush(FOLLOWER, "TPL-unknown", null, Map.of("thing1", "x"), "outbox-2")))
				.isInstanceOfSatisfying(SendResult.Permanent.class, permanent -> {
					assertThat(permanent.errcode()).isEqualTo(40037);
					assertThat(permanent.reason()).startsWith("invalid template_id");
				});
	}

	private SendResult send(TemplatePush push) {
		return channel.sendTemplate(push).block(Duration.ofSeconds(10));
	}

	static TemplatePush push(String openid, String clientMsgId) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", "出生登记");
		data.put("character_string2", "SL-2024-0001");
		data.put("time3", "2024年5月1日 09:30");
		data.put("phrase4", "已受理");
		return new TemplatePush(openid, TEMPLATE, "https://zwfw.example.cn/progress/1", data, clientMsgId);
	}

	static SubscribePush subscribe(String openid, String time) {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", "出生登记");
		data.put("time2", time);
		data.put("phrase3", "已受理");
		return new SubscribePush(openid, SUBSCRIBE_TEMPLATE, "https://zwfw.example.cn/progress/1", data);
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}
}
