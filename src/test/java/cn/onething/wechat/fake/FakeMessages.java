package cn.onething.wechat.fake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Followers, templates, subscriptions and the two send endpoints: template/send (docs/wechat.md §2) and bizsend
 * (§3.2). Every accepted message is recorded as a {@link Delivery}, and its outcome pushed to the callback after the
 * HTTP answer, as WeChat does.
 */
public final class FakeMessages {

	/** §2.1: the client_msg_id de-duplication lasts 10 minutes. */
	private static final Duration CLIENT_MSG_ID_MEMORY = Duration.ofMinutes(10);

	private final FakeClock clock;
	private final FakeCallbacks callbacks;
	private final Map<String, Follower> users = new HashMap<>();
	private final Map<String, List<String>> templates = new HashMap<>();
	private final Map<String, Subscription> subscriptions = new HashMap<>();
	private final Map<String, Sent> byClientMsgId = new HashMap<>();
	private final List<Delivery> deliveries = new ArrayList<>();
	/** §9: some msgids above 2^53, to catch clients that parse them as doubles. */
	private long nextMsgid = (1L << 53) - 1;
	private int templateDailyLimit = 100_000;
	private LocalDate countedDay;
	private int templateCallsToday;
	private boolean nextFailsBySystem;
	private int repeatsAbsorbed;
	private int repeatErrcode;

	FakeMessages(FakeClock clock, FakeCallbacks callbacks) {
		this.clock = clock;
		this.callbacks = callbacks;
	}

	enum Follower {
		FOLLOWING, BLOCKING, NOT_FOLLOWING
	}

	private record Subscription(boolean longTerm, int credits) {
	}

	private record Sent(long msgid, Instant at) {
	}

	/** A message WeChat accepted, with its values as the user sees them. */
	public record Delivery(String kind, String openid, String templateId, Map<String, String> rendered, String clientMsgId,
			long msgid) {
	}

	public synchronized void follower(String openid) {
		users.put(openid, Follower.FOLLOWING);
	}

	/** Follows, but refuses messages from the account: sends succeed, the event says failed:user block (§2.4). */
	public synchronized void blockingFollower(String openid) {
		users.put(openid, Follower.BLOCKING);
	}

	/** Known to the account (an openid of ours) but not following it. */
	public synchronized void nonFollower(String openid) {
		users.put(openid, Follower.NOT_FOLLOWING);
	}

	synchronized boolean follows(String openid) {
		return users.get(openid) == Follower.FOLLOWING || users.get(openid) == Follower.BLOCKING;
	}

	/** A template (or subscribe template) with its keys in order, e.g. thing1, time2. */
	public synchronized void template(String id, String... keys) {
		templates.put(id, List.of(keys));
	}

	/** The user accepted the subscribe template: once, or long-term (§3.1). */
	public synchronized void subscription(String openid, String templateId, boolean longTerm) {
		subscriptions.put(openid + "|" + templateId, new Subscription(longTerm, 1));
	}

	public synchronized void templateDailyLimit(int limit) {
		this.templateDailyLimit = limit;
	}

	/** The next accepted template message ends as "failed: system failed" (§2.4). */
	public synchronized void failNextDeliveryBySystem() {
		nextFailsBySystem = true;
	}

	/**
	 * How a repeat of an accepted client_msg_id within its 10 minutes is answered: 0 (the default, §10.A.13) is
	 * success with the first msgid; any other code is answered as an error that names the first msgid, as WeChat's
	 * 45065 "clientmsgid exist" does for mass sends.
	 */
	public synchronized void answerRepeatsWith(int errcode) {
		this.repeatErrcode = errcode;
	}

	/** How many template messages the fake accepted with this client_msg_id: what the applicant got. */
	public synchronized long deliveredWith(String clientMsgId) {
		return deliveries.stream().filter(delivery -> clientMsgId.equals(delivery.clientMsgId())).count();
	}

	/** Sends that repeated an accepted client_msg_id within its 10 minutes: answered, but not delivered again (§2.1). */
	public synchronized int repeatsAbsorbed() {
		return repeatsAbsorbed;
	}

	public synchronized List<Delivery> deliveries() {
		return List.copyOf(deliveries);
	}

	/** POST /cgi-bin/message/template/send (§2.1–2.3). */
	synchronized FakeResponse templateSend(FakeRequest request) {
		JsonNode body = json(request.body());
		if (body == null) {
			return FakeResponse.error(47001, "data format error");
		}
		String openid = body.path("touser").asString("");
		String templateId = body.path("template_id").asString("");
		FakeResponse refused = recipientAndTemplate(openid, templateId);
		if (refused != null) {
			return refused;
		}
		if (users.get(openid) == Follower.NOT_FOLLOWING) {
			return FakeResponse.error(43004, "require subscribe");
		}
		if (!clock.day().equals(countedDay)) {
			countedDay = clock.day();
			templateCallsToday = 0;
		}
		if (++templateCallsToday > templateDailyLimit) {
			return FakeResponse.error(45009, "reach max api daily quota limit");
		}
		String clientMsgId = body.path("client_msg_id").asString(null);
		Sent earlier = clientMsgId == null ? null : byClientMsgId.get(openid + "|" + clientMsgId);
		if (earlier != null && Duration.between(earlier.at(), clock.now()).compareTo(CLIENT_MSG_ID_MEMORY) < 0) {
			// §10.A.13 default: errcode 0 with the original msgid, and no second delivery or event.
			repeatsAbsorbed++;
			return repeatErrcode == 0 ? FakeResponse.ok(Map.of("msgid", earlier.msgid()))
					: FakeResponse.error(repeatErrcode, "clientmsgid exist", Map.of("msgid", earlier.msgid()));
		}
		Map<String, String> rendered = new LinkedHashMap<>();
		for (String key : templates.get(templateId)) {
			String value = body.path("data").path(key).path("value").asString("");
			if (value.isEmpty()) {
				return FakeResponse.error(47003, "argument invalid! data." + key + ".value is empty");
			}
			if (!FakeValueRules.wellFormed(key, value)) {
				return FakeResponse.error(47003, "argument invalid! data." + key + ".value invalid");
			}
			// §2.2: first, remark and color are dropped silently; long values are cut, not refused.
			rendered.put(key, FakeValueRules.rendered(key, value));
		}
		long msgid = accept("template", openid, templateId, rendered, clientMsgId);
		if (clientMsgId != null) {
			byClientMsgId.put(openid + "|" + clientMsgId, new Sent(msgid, clock.now()));
		}
		String status = users.get(openid) == Follower.BLOCKING ? "failed:user block"
				: nextFailsBySystem ? "failed: system failed" : "success";
		nextFailsBySystem = false;
		return FakeResponse.ok(Map.of("msgid", msgid))
				.then(() -> callbacks.pushIfConfigured(FakeEvents.templateFinished(openid, msgid, status)));
	}

	/** POST /cgi-bin/message/subscribe/bizsend (§3.2, §3.3). */
	synchronized FakeResponse bizsend(FakeRequest request) {
		JsonNode body = json(request.body());
		if (body == null) {
			return FakeResponse.error(47001, "data format error");
		}
		String openid = body.path("touser").asString("");
		String templateId = body.path("template_id").asString("");
		FakeResponse refused = recipientAndTemplate(openid, templateId);
		if (refused != null) {
			return refused;
		}
		Subscription subscription = subscriptions.get(openid + "|" + templateId);
		if (subscription == null || (!subscription.longTerm() && subscription.credits() == 0)) {
			return FakeResponse.error(43101, "user refuse to accept the msg");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String key : templates.get(templateId)) {
			String value = body.path("data").path(key).path("value").asString("");
			if (value.isEmpty()) {
				return FakeResponse.error(47003, "argument invalid! data." + key + ".value is empty");
			}
			if (!FakeValueRules.valid(key, value)) {
				return FakeResponse.error(47003, "argument invalid! data." + key + ".value invalid");
			}
			values.put(key, value);
		}
		if (!subscription.longTerm()) {
			subscriptions.put(openid + "|" + templateId, new Subscription(false, subscription.credits() - 1));
		}
		long msgid = accept("subscribe", openid, templateId, values, null);
		return FakeResponse.ok(Map.of("msgid", msgid))
				.then(() -> callbacks.pushIfConfigured(FakeEvents.subscribeSent(openid, templateId, msgid)));
	}

	private FakeResponse recipientAndTemplate(String openid, String templateId) {
		if (!users.containsKey(openid)) {
			return FakeResponse.error(40003, "invalid openid");
		}
		if (!templates.containsKey(templateId)) {
			return FakeResponse.error(40037, "invalid template_id");
		}
		return null;
	}

	private long accept(String kind, String openid, String templateId, Map<String, String> values, String clientMsgId) {
		long msgid = nextMsgid;
		nextMsgid += 7;
		deliveries.add(new Delivery(kind, openid, templateId, Collections.unmodifiableMap(values), clientMsgId, msgid));
		return msgid;
	}

	private static JsonNode json(String body) {
		try {
			JsonNode node = FakeResponse.JSON.readTree(body);
			return node != null && node.isObject() ? node : null;
		}
		catch (JacksonException e) {
			return null;
		}
	}
}
