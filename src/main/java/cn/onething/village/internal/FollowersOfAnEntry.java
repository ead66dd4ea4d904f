package cn.onething.village.internal;

import cn.onething.outbox.Outbox;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an entry's publication into one push per follower of its committee at that moment, all appended in one
 * transaction; a repeat of the news appends nothing new (each push's dedupe key names the entry and the openid).
 */
@Component
class FollowersOfAnEntry implements OutboxHandler {

	private final EntryStore entries;
	private final FollowerStore followers;
	private final Outbox outbox;
	private final TransactionalOperator transaction;
	private final JsonMapper json;

	FollowersOfAnEntry(EntryStore entries, FollowerStore followers, Outbox outbox, TransactionalOperator transaction,
			JsonMapper json) {
		this.entries = entries;
		this.followers = followers;
		this.outbox = outbox;
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
				.flatMapMany(entry -> followers.followers(entry.townshipId(), entry.committeeId()))
				.concatMap(follower -> outbox.append(FollowerPush.KIND, FollowerPush.KIND + ":" + news.entry() + ":" + follower.openid(),
						new FollowerPush(news.entry(), follower.id(), follower.openid())))
				.then(Mono.just(Outcome.DONE))
				.as(transaction::transactional)
				.switchIfEmpty(Mono.just(Outcome.DONE));
	}
}
