package cn.onething.wechat.fake;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The two token lineages of docs/wechat.md §1: {@code /cgi-bin/token} issues a new token on every call, the old one
 * living on at most 5 minutes; {@code /cgi-bin/stable_token} hands out the same token while it has more than
 * 5 minutes left. They never invalidate each other (§1.2).
 */
public final class FakeTokens {

	/** §1.2: a forced refresh within 30 s of the previous one returns the current token. */
	private static final Duration FORCE_SPACING = Duration.ofSeconds(30);
	private static final Duration GRACE = Duration.ofMinutes(5);

	private final FakeClock clock;
	private final SecureRandom random = new SecureRandom();
	private final Lineage normal = new Lineage();
	private final Lineage stable = new Lineage();
	private final Map<String, Issued> issued = new HashMap<>();

	private Duration lifetime = Duration.ofSeconds(7200);
	private int dailyTokenLimit = 2000;
	private int forcedDailyLimit = 20;
	private Set<String> allowedIps;
	private boolean secretFrozen;
	private LocalDate countedDay;
	private int tokenCallsToday;

	FakeTokens(FakeClock clock) {
		this.clock = clock;
	}

	/** The outcome of presenting a token on a business call (§1.3). */
	enum Check {
		VALID(0), EXPIRED(42001), INVALID(40001);

		final int errcode;

		Check(int errcode) {
			this.errcode = errcode;
		}
	}

	private record Token(String value, Instant expiresAt) {
	}

	private record Issued(Lineage lineage, Instant expiresAt) {
	}

	private static final class Lineage {
		Token current;
		Token previous;
		Instant previousUntil;
		Instant lastForced;
		LocalDate forcedDay;
		int forcedToday;
	}

	/** Tokens issued from now on live this long; WeChat says 7200 s. */
	public synchronized void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
	}

	public synchronized void dailyTokenLimit(int limit) {
		this.dailyTokenLimit = limit;
	}

	/** Only these caller IPs may fetch tokens (§1.1 allow-list); null allows all. */
	public synchronized void allowIps(Set<String> ips) {
		this.allowedIps = ips;
	}

	public synchronized void freezeSecret() {
		this.secretFrozen = true;
	}

	/** GET /cgi-bin/token (§1.1). */
	synchronized FakeResponse token(FakeRequest request) {
		FakeResponse refused = credentials(request.param("grant_type"), request.param("appid"), request.param("secret"), request.remoteIp());
		if (refused != null) {
			return refused;
		}
		if (!clock.day().equals(countedDay)) {
			countedDay = clock.day();
			tokenCallsToday = 0;
		}
		if (++tokenCallsToday > dailyTokenLimit) {
			return FakeResponse.error(45009, "reach max api daily quota limit, could get access_token by getStableAccessToken");
		}
		Token token = rotate(normal, clock.now().plus(GRACE));
		return tokenAnswer(token.value(), lifetime.toSeconds());
	}

	/** POST /cgi-bin/stable_token (§1.2). */
	synchronized FakeResponse stableToken(FakeRequest request) {
		if (!"POST".equals(request.method())) {
			return FakeResponse.error(43002, "require POST method");
		}
		if (request.body().isBlank()) {
			return FakeResponse.error(44002, "empty post data");
		}
		JsonNode body;
		try {
			body = FakeResponse.JSON.readTree(request.body());
		}
		catch (JacksonException e) {
			return FakeResponse.error(47001, "data format error");
		}
		FakeResponse refused = credentials(text(body, "grant_type"), text(body, "appid"), text(body, "secret"), request.remoteIp());
		if (refused != null) {
			return refused;
		}
		Instant now = clock.now();
		Token token;
		if (body.path("force_refresh").asBoolean(false)) {
			token = forced(now);
			if (token == null) {
				return FakeResponse.error(45009, "reach max api daily quota limit");
			}
		}
		else if (stable.current == null || !now.isBefore(stable.current.expiresAt())) {
			token = rotate(stable, now);
		}
		else if (Duration.between(now, stable.current.expiresAt()).compareTo(GRACE) <= 0) {
			// The hand-over: a new token; the old one keeps its own expiry.
			token = rotate(stable, stable.current.expiresAt());
		}
		else {
			token = stable.current;
		}
		return tokenAnswer(token.value(), Math.max(0, Duration.between(now, token.expiresAt()).toSeconds()));
	}

	/** null when the daily limit of forced refreshes is used up. */
	private Token forced(Instant now) {
		if (stable.current != null && stable.lastForced != null
				&& Duration.between(stable.lastForced, now).compareTo(FORCE_SPACING) < 0) {
			return stable.current;
		}
		if (!clock.day().equals(stable.forcedDay)) {
			stable.forcedDay = clock.day();
			stable.forcedToday = 0;
		}
		if (++stable.forcedToday > forcedDailyLimit) {
			return null;
		}
		stable.lastForced = now;
		return rotate(stable, now.plus(GRACE));
	}

	/** How a token presented on a business call fares (§1.3). */
	synchronized Check check(String value) {
		Issued token = issued.get(value);
		if (token == null) {
			return Check.INVALID;
		}
		Instant now = clock.now();
		if (!now.isBefore(token.expiresAt())) {
			return Check.EXPIRED;
		}
		Lineage lineage = token.lineage();
		if (value.equals(lineage.current.value())) {
			return Check.VALID;
		}
		if (lineage.previous != null && value.equals(lineage.previous.value()) && now.isBefore(lineage.previousUntil)) {
			return Check.VALID;
		}
		return Check.INVALID;
	}

	/** A new current token; the old current one stays valid until {@code oldUntil} (or its own expiry, if earlier). */
	private Token rotate(Lineage lineage, Instant oldUntil) {
		Token fresh = new Token(newTokenValue(), clock.now().plus(lifetime));
		if (lineage.current != null) {
			lineage.previous = lineage.current;
			lineage.previousUntil = oldUntil.isBefore(lineage.current.expiresAt()) ? oldUntil : lineage.current.expiresAt();
		}
		lineage.current = fresh;
		issued.put(fresh.value(), new Issued(lineage, fresh.expiresAt()));
		return fresh;
	}

	/** §1.1, §10.A.3: the refusals of the token endpoints, in the order WeChat is observed to check. */
	private FakeResponse credentials(String grantType, String appid, String secret, String ip) {
		if (!"client_credential".equals(grantType)) {
			return FakeResponse.error(40002, "invalid grant_type");
		}
		if (appid == null || appid.isEmpty()) {
			return FakeResponse.error(41002, "appid missing");
		}
		if (secret == null || secret.isEmpty()) {
			return FakeResponse.error(41004, "appsecret missing");
		}
		if (!FakeWechat.APP_ID.equals(appid)) {
			return FakeResponse.error(40013, "invalid appid");
		}
		if (!FakeWechat.SECRET.equals(secret)) {
			return FakeResponse.error(40125, "invalid appsecret");
		}
		if (allowedIps != null && !allowedIps.contains(ip)) {
			return FakeResponse.error(40164, "invalid ip " + ip + " ipv6 ::ffff:" + ip + ", not in whitelist");
		}
		if (secretFrozen) {
			return FakeResponse.error(40243, "AppSecret已被冻结，请登录MP解冻后再次调用");
		}
		return null;
	}

	/** §9: at least 150 characters of [A-Za-z0-9_-], to catch short storage columns. */
	private String newTokenValue() {
		byte[] bytes = new byte[120];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static FakeResponse tokenAnswer(String token, long expiresIn) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("access_token", token);
		payload.put("expires_in", expiresIn);
		return FakeResponse.json(payload);
	}

	private static String text(JsonNode body, String field) {
		JsonNode node = body.path(field);
		return node.isString() ? node.asString() : null;
	}
}
