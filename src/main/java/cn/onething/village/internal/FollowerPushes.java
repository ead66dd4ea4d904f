package cn.onething.village.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.village.Entry;
import cn.onething.village.Places;
import cn.onething.village.VillageProperties;
import cn.onething.village.Villages;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.TemplatePush;
import cn.onething.wechat.WechatChannel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one follower the template message of a new entry, unless they opted out meanwhile. The outbox message id is
 * WeChat's client_msg_id, so a resend after a lost answer is delivered once (docs/wechat.md §2.1); permanent
 * refusals (the user unfollowed the account, 43004) give up, everything else is retried by the outbox.
 */
@Component
class FollowerPushes implements OutboxHandler {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
	/** docs/wechat.md §2.2: a thing value holds at most 20 characters. */
	private static final int THING = 20;

	private final EntryStore entries;
	private final FollowerStore followers;
	private final Villages villages;
	private final WechatChannel channel;
	private final VillageProperties properties;
	private final JsonMapper json;

	FollowerPushes(EntryStore entries, FollowerStore followers, Villages villages, WechatChannel channel,
			VillageProperties properties, JsonMapper json) {
		this.entries = entries;
		this.followers = followers;
		this.villages = villages;
		this.channel = channel;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public String kind() {
		return FollowerPush.KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		FollowerPush push = json.treeToValue(message.payload(), FollowerPush.class);
		return followers.stillFollows(push.follower())
				.flatMap(follows -> !follows ? Mono.just(Outcome.DONE)
						: entries.entry(push.entry())
								.flatMap(entry -> channel.sendTemplate(template(entry, push, message))).map(FollowerPushes::outcome)
								.defaultIfEmpty(Outcome.DONE));
	}

	private TemplatePush template(Entry entry, FollowerPush push, OutboxMessage message) {
		Places places = villages.places();
		String place = places.committee(entry.townshipId(), entry.committeeId()).map(c -> c.name()).orElse(entry.committeeId());
		boolean publicity = places.item(entry.itemId()).map(item -> item.publicityDays() > 0).orElse(false);
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", thing(place));
		data.put("thing2", thing(entry.title()));
		data.put("time3", TIME.format(entry.publishedAt().atZone(CHINA)));
		data.put("thing4", thing(publicity ? "公示至" + entry.endsOn().getMonthValue() + "月" + entry.endsOn().getDayOfMonth()
				+ "日，可提出异议" : "点击查看公开内容"));
		String url = properties.publicBaseUrl() + "/places/" + entry.townshipId() + "/" + entry.committeeId() + "?f="
				+ push.follower() + "#entry-" + entry.id();
		return new TemplatePush(push.openid(), properties.templateId(), url, data, message.id().toString());
	}

	private static String thing(String text) {
		return text.codePointCount(0, text.length()) <= THING ? text
				: text.substring(0, text.offsetByCodePoints(0, THING - 1)) + "…";
	}

	private static Outcome outcome(SendResult result) {
		if (result instanceof SendResult.Sent) {
			return Outcome.DONE;
		}
		SendResult.Failure failure = (SendResult.Failure) result;
		String reason = failure.errcode() + " " + failure.reason();
		return failure instanceof SendResult.Permanent ? Outcome.giveUp(reason) : Outcome.retryLater(reason);
	}
}
