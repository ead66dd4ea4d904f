package cn.onething.village.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.onething.notification.FollowerPushes;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.village.Committee;
import cn.onething.village.Entry;
import cn.onething.village.Places;
import cn.onething.village.VillageProperties;
import cn.onething.village.Villages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an entry's publication into one push per follower of its committee at that moment, all written in one
 * transaction through the notification module's push path (docs/wechat-delivery.md), so a village push is sent,
 * resent and reported exactly as a case's is; a repeat of the news writes nothing new (one push per committee, entry
 * and openid).
 */
@Component
class FollowersOfAnEntry implements OutboxHandler {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
	/** docs/wechat.md §2.2: a thing value holds at most 20 characters. */
	private static final int THING = 20;

	private final EntryStore entries;
	private final FollowerStore followers;
	private final FollowerPushes pushes;
	private final Villages villages;
	private final VillageProperties properties;
	private final TransactionalOperator transaction;
	private final JsonMapper json;

	FollowersOfAnEntry(EntryStore entries, FollowerStore followers, FollowerPushes pushes, Villages villages,
			VillageProperties properties, TransactionalOperator transaction, JsonMapper json) {
		this.entries = entries;
		this.followers = followers;
		this.pushes = pushes;
		this.villages = villages;
		this.properties = properties;
		this.transaction = transaction;
		this.json = json;
	}

	@Override
	public String kind() {
		return EntryPublished.KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		EntryPublished news = json.treeToValue(message.payload(), EntryPublished.class);
		return entries.entry(news.entry())
				.flatMapMany(entry -> followers.followers(entry.townshipId(), entry.committeeId())
						.concatMap(follower -> pushes.tell(push(entry, follower))))
				.then(Mono.just(Outcome.DONE))
				.as(transaction::transactional)
				.switchIfEmpty(Mono.just(Outcome.DONE));
	}

	private FollowerPushes.Push push(Entry entry, FollowerStore.Follower follower) {
		Places places = villages.places();
		String place = places.committee(entry.townshipId(), entry.committeeId()).map(Committee::name).orElse(entry.committeeId());
		boolean publicity = places.item(entry.itemId()).map(item -> item.publicityDays() > 0).orElse(false);
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", thing(place));
		data.put("thing2", thing(entry.title()));
		data.put("time3", TIME.format(entry.publishedAt().atZone(CHINA)));
		data.put("thing4", thing(publicity ? "公示至" + entry.endsOn().getMonthValue() + "月" + entry.endsOn().getDayOfMonth()
				+ "日，可提出异议" : "点击查看公开内容"));
		// the follower's token lets the pushed page offer 不再接收推送 in one tap
		String url = properties.publicBaseUrl() + "/places/" + entry.townshipId() + "/" + entry.committeeId() + "?f="
				+ follower.id() + "#entry-" + entry.id();
		String topic = Committee.FOLLOW_SCENE_PREFIX + entry.townshipId() + ":" + entry.committeeId();
		return new FollowerPushes.Push(topic, entry.id().toString(), follower.openid(), properties.templateId(), url, data,
				place + "：" + entry.title());
	}

	private static String thing(String text) {
		return text.codePointCount(0, text.length()) <= THING ? text
				: text.substring(0, text.offsetByCodePoints(0, THING - 1)) + "…";
	}
}
