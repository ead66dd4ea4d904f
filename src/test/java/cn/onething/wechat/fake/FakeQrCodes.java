package cn.onething.wechat.fake;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Parametric QR codes (docs/wechat.md §4): creation, the image, and a user scanning one. */
public final class FakeQrCodes {

	/** §4.1: a temporary code lives at most 30 days. */
	private static final long LONGEST_EXPIRY = 2_592_000;
	/** §4.1: the lifetime when expire_seconds is left out; the docs say 60 (older ones 30), WxJava always sends one. */
	private static final long DEFAULT_EXPIRY = 60;

	private final FakeClock clock;
	private final FakeMessages messages;
	private final FakeCallbacks callbacks;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, Code> tickets = new HashMap<>();

	FakeQrCodes(FakeClock clock, FakeMessages messages, FakeCallbacks callbacks) {
		this.clock = clock;
		this.messages = messages;
		this.callbacks = callbacks;
	}

	/** A code; {@code url} is what it holds, {@code expiresAt} null for a permanent one. */
	public record Code(String ticket, String url, String scene, Instant expiresAt) {
	}

	/** POST /cgi-bin/qrcode/create (§4.1); bad arguments get 40097, which WeChat does not document. */
	synchronized FakeResponse create(FakeRequest request) {
		JsonNode body;
		try {
			body = FakeResponse.JSON.readTree(request.body());
		}
		catch (JacksonException e) {
			return FakeResponse.error(47001, "data format error");
		}
		String action = body.path("action_name").asString("");
		JsonNode scene = body.path("action_info").path("scene");
		boolean permanent = action.startsWith("QR_LIMIT_");
		String value;
		if (action.endsWith("STR_SCENE")) {
			value = scene.path("scene_str").asString("");
			if (value.isEmpty() || value.length() > 64) {
				return invalidArgs();
			}
		}
		else if (action.equals("QR_SCENE") || action.equals("QR_LIMIT_SCENE")) {
			long id = scene.path("scene_id").asLong(0);
			if (id == 0 || id > Integer.MAX_VALUE || id < Integer.MIN_VALUE || (permanent && (id < 1 || id > 100_000))) {
				return invalidArgs();
			}
			value = String.valueOf(id);
		}
		else {
			return invalidArgs();
		}
		long expiry = body.has("expire_seconds") ? body.path("expire_seconds").asLong() : DEFAULT_EXPIRY;
		if (!permanent && (expiry <= 0 || expiry > LONGEST_EXPIRY)) {
			return invalidArgs();
		}
		// Tickets hold + / =, so a client must URL-encode them (§4.1).
		byte[] bytes = new byte[48];
		random.nextBytes(bytes);
		String ticket = "gQH" + Base64.getEncoder().encodeToString(bytes);
		String url = "http://weixin.qq.com/q/" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, 22);
		tickets.put(ticket, new Code(ticket, url, value, permanent ? null : clock.now().plusSeconds(expiry)));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("ticket", ticket);
		if (!permanent) {
			payload.put("expire_seconds", expiry);
		}
		payload.put("url", url);
		return FakeResponse.ok(payload);
	}

	/** GET {mp}/cgi-bin/showqrcode?ticket= (§4.2): an image for a live ticket, 404 otherwise; other params ignored. */
	synchronized FakeResponse show(FakeRequest request) {
		Code code = tickets.get(request.param("ticket"));
		if (code == null || !live(code)) {
			return FakeResponse.html(404, "Not Found");
		}
		return FakeResponse.bytes("image/jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 });
	}

	/** The code made with this url: what WeChat finds when its scanner reads a printed code. */
	public synchronized Optional<Code> byUrl(String url) {
		return tickets.values().stream().filter(code -> code.url().equals(url)).findFirst();
	}

	/**
	 * A user scans the code (§4.3): a non-follower follows and pushes subscribe with qrscene_, a follower pushes
	 * SCAN; an expired code pushes nothing. Returns what was pushed, or null.
	 */
	public FakeCallbacks.Outcome scan(String openid, String ticket) {
		String event;
		synchronized (this) {
			Code code = tickets.get(ticket);
			if (code == null || !live(code)) {
				return null;
			}
			if (messages.follows(openid)) {
				event = FakeEvents.scan(openid, code.scene(), ticket);
			}
			else {
				messages.follower(openid);
				event = FakeEvents.subscribe(openid, code.scene(), ticket);
			}
		}
		return callbacks.push(event);
	}

	private boolean live(Code code) {
		return code.expiresAt() == null || clock.now().isBefore(code.expiresAt());
	}

	private static FakeResponse invalidArgs() {
		return FakeResponse.error(40097, "invalid args");
	}
}
