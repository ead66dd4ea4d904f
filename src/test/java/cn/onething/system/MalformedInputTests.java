package cn.onething.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.bundle.Bundles;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.web.NewbornAnswers;
import cn.onething.catalog.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or broken client sends, to every public route: odd characters raw and percent-encoded in paths and
 * queries, broken percent-encoding and NUL bytes in forms, control characters, lone surrogates and numbers no double
 * holds in JSON. Every answer is a 4xx or an ordinary page, never a 5xx; no case is stored by a refused request; the
 * log holds no ERROR line and no progress-link key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "onething.catalog.import-on-startup=false")
@ExtendWith(OutputCaptureExtension.class)
class MalformedInputTests {

	static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);

	/** Each is sent raw (as a broken client writes it) and percent-encoded (as a browser would). */
	static final List<String> ODD = List.of("a|b", "a b", "a\"b", "a<b>", "a{b}", "a^b", "a`b", "%G1%", "%00", "%FF%FE",
			"%E4%B8", "..%2F..%2Fetc", "\u0000", "x".repeat(4000), "中文", "1e400", "-1");

	static final List<String> GET_ROUTES = List.of("/cases/{}", "/cases/{}?k={}", "/cases/{code}?k={}", "/cases?code={}",
			"/cases/{code}/receipt.pdf?k={}", "/cases/{code}/notices/{}.pdf?k={key}", "/cases/{code}/extension.pdf?k={}",
			"/cases/{code}/non-acceptance.pdf?k={}", "/cases/{code}/refusals/{}.pdf?k={key}", "/staff/sso/callback/hall?code={}&state={}",
			"/cases/{}/wechat?k={}", "/cases/{}/rating?k={}", "/cases/{code}/rating?k={}", "/cases/{code}/rating?k={key}&done={}",
			"/cases/{code}/wechat.png?k={}", "/cases/{code}/wechat/unbind?k={key}&w={}", "/g/{}", "/g/{}/qr.png",
			"/g/{}/qr.svg", "/g/{}/v/{}", "/g/{}/versions", "/domains/{}", "/bundles/{}", "/bundles/{}/form",
			"/search?q={}", "/api/domains/{}/items", "/api/items/{}", "/api/items/{}/versions/{}", "/api/bundles/{}",
			"/api/bundles/{}/form-schema", "/api/applications/{}", "/api/applications/{code}", "/disclosure-catalog?domain={}",
			"/wechat/oauth/start?scene={}", "/wechat/oauth/callback?code={}&state={}",
			"/wechat/callback?signature={}&timestamp={}&nonce={}&echostr={}", "/staff/login?error={}",
			"/places/{}", "/places/xinning/{}", "/places/{}/board.pdf?paper={}", "/places/xinning/{}/board.pdf",
			"/places/xinning/chengdong/board.pdf?paper={}", "/places/{}/screen?seconds={}", "/places/xinning/{}/screen",
			"/screen?seconds={}", "/places/xinning/chengdong/unfollow?f={}", "/places/xinning/chengdong?f={}", "/questions?about={}",
			"/questions?about=v:xinning:{}", "/staff/reviews/{}", "/staff/platform?done={}", "/api/open-data/{}.zip", "/open-data?q={}",
			"/{}");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	@Autowired
	CaseLinks links;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonMapper json;

	String code;
	String key;

	@BeforeEach
	void aFiledCase() throws IOException {
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
		var filed = send("POST", "/api/applications", Map.of("Content-Type", "application/json",
				"Idempotency-Key", UUID.randomUUID().toString()), json.writeValueAsString(application(answers())));
		assertThat(filed.status()).isEqualTo(201);
		code = json.readTree(filed.body()).path("receiptCode").asString();
		key = links.keyFor(code);
	}

	@Test
	void oddAddressesOnEveryRouteAreAnsweredWithoutAServerError(CapturedOutput output) throws IOException {
		List<String> failures = new ArrayList<>();
		for (String route : GET_ROUTES) {
			for (String odd : ODD) {
				for (String form : List.of(odd, URLEncoder.encode(odd, StandardCharsets.UTF_8))) {
					String target = route.replace("{code}", code).replace("{key}", key).replace("{}", form);
					int status = send("GET", target, Map.of(), "").status();
					if (status >= 500) {
						failures.add(status + " GET " + target.substring(0, Math.min(target.length(), 80)));
					}
				}
			}
		}
		assertThat(failures).as("server errors").isEmpty();
		assertQuietLog(output);
	}

	@Test
	void aProgressLinkWithAnOddCodeLeadsToTheLookUpFormWithTheCodeEncoded() throws IOException {
		for (String odd : List.of("a%7Cb", "a%20b", "a%22b", "a%3Cb", "a%7Bb%7D", "a%5Eb", "a%60b", "%E4%B8%AD")) {
			var answer = send("GET", "/cases/" + odd + "?k=" + key, Map.of(), "");

			assertThat(answer.status()).as(odd).isEqualTo(303);
			URI location = URI.create(answer.header("Location"));
			assertThat(location.getPath()).isEqualTo("/cases");
			assertThat(decoded(location.getRawQuery())).as("the code, decoded").isEqualTo("code=" + decoded(odd));
		}
	}

	@Test
	void brokenFormsAreRefusedWithABadRequestAndStoreNothing(CapturedOutput output) throws IOException {
		long before = cases();
		Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded");
		for (String body : List.of("code=%G1%&phoneTail=1", "code=%00&phoneTail=%00", "code=%FF%FE&phoneTail=1", "%", "code=%E4%B8")) {
			assertThat(send("POST", "/cases", form, body).status()).as(body).isEqualTo(400);
		}
		for (String body : List.of("child.name=%G1%", "child.name=a%00b", "applicant.name=%FF%FE", "%",
				"idempotencyKey=k1&kept.material.parents-id=%27%20or%201%3D1", "idempotencyKey=k1&kept.material.parents-id=..%2F..",
				"idempotencyKey=k1&kept.material.%00=00000000-0000-0000-0000-000000000000")) {
			assertThat(send("POST", "/bundles/newborn/applications", form, body).status()).as(body).isBetween(400, 499);
		}
		assertThat(send("POST", "/staff/login", form, "username=a%00b&password=%G1").status()).isBetween(400, 499);
		for (String body : List.of("level=%G1%", "level=satisfied&comment=a%00b", "level=%FF%FE", "%", "level=dissatisfied&indicators=%00")) {
			assertThat(send("POST", "/cases/" + code + "/rating?k=" + key, form, body).status()).as(body).isBetween(400, 499);
			assertThat(send("POST", "/cases/" + code + "/rating/rectification?k=" + key, form, body).status()).as(body).isBetween(400, 499);
		}
		assertThat(db.sql("select count(*) as n from rating_rating").map(row -> row.get("n", Long.class)).one().block()).isZero();
		assertThat(cases()).isEqualTo(before);
		assertQuietLog(output);
	}

	@Test
	void jsonTextNoKeyboardTypesIsAProblemOfItsFieldAndStoresNothing(CapturedOutput output) throws IOException {
		long before = cases();
		// as JSON escapes: a lone surrogate cannot even be written as UTF-8 by the client's own encoder
		for (String odd : List.of("a\\u0000b", "a\\u0001b", "\\ud800", "ok\\ufffd", "\\u001b[31m")) {
			Map<String, Object> answers = answers();
			answers.put("child.name", "ODD");
			String body = json.writeValueAsString(application(answers)).replace("\"ODD\"", "\"" + odd + "\"");
			var refused = send("POST", "/api/applications", Map.of("Content-Type", "application/json",
					"Idempotency-Key", UUID.randomUUID().toString()), body);

			assertThat(refused.status()).as(odd).isEqualTo(422);
			assertThat(json.readTree(refused.body()).path("errors").get(0).path("field").asString()).isEqualTo("child.name");
		}
		var rating = send("POST", "/api/applications/" + code + "/rating", Map.of("Content-Type", "application/json", "X-Case-Key", key),
				"{\"level\":\"dissatisfied\",\"comment\":\"a\\u0000b\"}");
		assertThat(rating.status()).isEqualTo(400);
		assertThat(rating.header("Content-Type")).startsWith("application/problem+json");
		var token = send("POST", "/api/staff/tokens", Map.of("Content-Type", "application/json"),
				"{\"username\":\"a\\u0000b\",\"password\":\"x\"}");
		assertThat(token.status()).isEqualTo(400);
		assertThat(token.header("Content-Type")).startsWith("application/problem+json");
		assertThat(cases()).isEqualTo(before);
		assertQuietLog(output);
	}

	@Test
	void numbersNoFieldCouldHoldAreAProblemOfTheirField() throws IOException {
		long before = cases();
		for (String number : List.of("1e400", "-1e400", "1e999999999", "1" + "0".repeat(60))) {
			Map<String, Object> answers = answers();
			answers.put("child.name", "NUMBER");
			String body = json.writeValueAsString(application(answers)).replace("\"NUMBER\"", number);
			var refused = send("POST", "/api/applications", Map.of("Content-Type", "application/json",
					"Idempotency-Key", UUID.randomUUID().toString()), body);

			assertThat(refused.status()).as(number).isEqualTo(422);
			assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("child.name").contains("超出范围");
		}
		assertThat(cases()).isEqualTo(before);
	}

	private void assertQuietLog(CapturedOutput output) {
		assertThat(output.getAll()).as("log").doesNotContain(" ERROR ").doesNotContain(key);
	}

	private static String decoded(String encoded) {
		return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
	}

	private Map<String, Object> answers() {
		Map<String, Object> answers = new LinkedHashMap<>();
		NewbornAnswers.valid(bundles.bundle("newborn").orElseThrow()).forEach((field, value) ->
				answers.put(field, value.equals("false") || value.equals("true") ? Boolean.valueOf(value) : value));
		return answers;
	}

	private static Map<String, Object> application(Map<String, Object> answers) {
		return Map.of("bundle", "newborn", "form", answers);
	}

	private KeepAliveConnection.Response send(String method, String target, Map<String, String> headers, String body)
			throws IOException {
		// a fresh connection each time: the server may rightly close one after a request it cannot parse
		try (KeepAliveConnection connection = new KeepAliveConnection(port, ANSWER_WITHIN)) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			all.put("Connection", "close");
			return connection.exchange(method, target, all, body.getBytes(StandardCharsets.UTF_8));
		}
	}

	private long cases() {
		return db.sql("select count(*) as n from casework_application").map(row -> row.get("n", Long.class)).one().block();
	}
}
