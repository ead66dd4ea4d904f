package cn.onething.wechat.fake;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Web OAuth (docs/wechat.md §5): the authorize page on the open host and the code exchange on the API host. */
public final class FakeOAuth {

	/** §5: a code is good for 5 minutes, once. */
	private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

	private final FakeClock clock;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Code> codes = new HashMap<>();
	private String browserUser = "oBROWSER";
	private boolean refusesUserinfo;
	private String unionId;

	FakeOAuth(FakeClock clock) {
		this.clock = clock;
	}

	private record Code(String openid, String scope, Instant issuedAt, boolean used) {
	}

	/** The WeChat user whose browser follows the authorize link. */
	public synchronized void browserUser(String openid) {
		this.browserUser = openid;
	}

	/** The user declines snsapi_userinfo (snsapi_base is silent and cannot be declined). */
	public synchronized void refuseUserinfo() {
		this.refusesUserinfo = true;
	}

	/** With an open-platform binding, snsapi_userinfo exchanges also carry this unionid. */
	public synchronized void unionId(String unionId) {
		this.unionId = unionId;
	}

	/** A code as the authorize page would issue it, for tests that skip the browser. */
	public synchronized String issueCode(String openid, String scope) {
		String code = hex(16);
		codes.put(code, new Code(openid, scope, clock.now(), false));
		return code;
	}

	/** GET {open}/connect/oauth2/authorize (§5.1): redirects back with code and the state, byte for byte. */
	synchronized FakeResponse authorize(FakeRequest request) {
		String redirect = request.param("redirect_uri");
		String scope = request.param("scope");
		String state = request.param("state");
		if (!FakeWechat.APP_ID.equals(request.param("appid"))) {
			return FakeResponse.html(400, "10012 appid invalid");
		}
		if (redirect == null || redirect.isEmpty()) {
			return FakeResponse.html(400, "10011 redirect_uri empty");
		}
		if (!"snsapi_base".equals(scope) && !"snsapi_userinfo".equals(scope)) {
			return FakeResponse.html(400, "10005 scope invalid");
		}
		String back = redirect + (redirect.contains("?") ? "&" : "?");
		String stateParam = state == null ? "" : "state=" + FakeCallbacks.encode(state);
		if ("snsapi_userinfo".equals(scope) && refusesUserinfo) {
			return FakeResponse.redirect(back + stateParam);
		}
		return FakeResponse.redirect(back + "code=" + issueCode(browserUser, scope) + (state == null ? "" : "&" + stateParam));
	}

	/** GET {api}/sns/oauth2/access_token (§5.2). */
	synchronized FakeResponse exchange(FakeRequest request) {
		if (!FakeWechat.APP_ID.equals(request.param("appid"))) {
			return FakeResponse.error(40013, "invalid appid");
		}
		if (!FakeWechat.SECRET.equals(request.param("secret"))) {
			return FakeResponse.error(40125, "invalid appsecret");
		}
		String value = request.param("code");
		if (value == null || value.isEmpty()) {
			return FakeResponse.error(41008, "missing code");
		}
		Code code = codes.get(value);
		if (code == null || !clock.now().isBefore(code.issuedAt().plus(CODE_LIFETIME))) {
			return FakeResponse.error(40029, "invalid code");
		}
		if (code.used()) {
			return FakeResponse.error(40163, "code been used");
		}
		codes.put(value, new Code(code.openid(), code.scope(), code.issuedAt(), true));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("access_token", "web-" + hex(24));
		payload.put("expires_in", 7200);
		payload.put("refresh_token", "refresh-" + hex(24));
		payload.put("openid", code.openid());
		payload.put("scope", code.scope());
		if ("snsapi_userinfo".equals(code.scope()) && unionId != null) {
			payload.put("unionid", unionId);
		}
		return FakeResponse.json(payload);
	}

	private String hex(int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}
}
