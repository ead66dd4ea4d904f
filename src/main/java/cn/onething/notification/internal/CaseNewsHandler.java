package cn.onething.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import cn.onething.casework.CaseNews;
import cn.onething.notification.NotificationProperties;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The casework module's news, turned into pushes for every openid bound to the case, in one transaction with their
 * outbox messages. News without a binding, or that the applicant need not be told, ends here: the progress page
 * shows everything anyway.
 */
@Component
class CaseNewsHandler implements OutboxHandler {

	private final BindingStore bindings;
	private final PushStore pushes;
	private final PushWriter writer;
	private final PushWording wording;
	private final TransactionalOperator transaction;
	private final JsonMapper json;
	private final Clock clock;

	CaseNewsHandler(BindingStore bindings, PushStore pushes, PushWriter writer, NotificationProperties properties,
			TransactionalOperator transaction, JsonMapper json, Optional<Clock> clock) {
		this.bindings = bindings;
		this.pushes = pushes;
		this.writer = writer;
		this.wording = new PushWording(properties.collectAt());
		this.transaction = transaction;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public String kind() {
		return CaseNews.OUTBOX_KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		return Mono.defer(() -> {
			CaseNews news;
			try {
				news = json.treeToValue(message.payload(), CaseNews.class);
			}
			catch (JacksonException e) {
				return Mono.just(Outcome.giveUp("unreadable case news: " + e.getOriginalMessage()));
			}
			// an event kind this version does not know is skipped, like one nobody need be told
			Optional<PushContent> content = news.read(json).flatMap(event -> wording.of(news, event));
			if (content.isEmpty()) {
				return Mono.just(Outcome.DONE);
			}
			Instant now = clock.instant();
			Mono<Void> tellEveryone = pushes.lockCase(news.receiptCode())
					.thenMany(bindings.of(news.receiptCode()))
					.concatMap(binding -> writer.tell(news, content.get(), binding, now))
					.then();
			return transaction.transactional(tellEveryone).thenReturn(Outcome.DONE);
		});
	}
}
