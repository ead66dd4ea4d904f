package cn.onething.outbox;

import reactor.core.publisher.Mono;

/**
 * Delivers the messages of one kind. A Spring bean implementing this is found by the dispatcher; one handler per kind.
 * The handler must not block the calling thread (put blocking work on a scheduler of its own, docs/architecture.md §6),
 * and should finish within {@code onething.outbox.handler-timeout}. A message may reach a handler more than once (a
 * replica crashing after delivery but before recording it), so delivery should be idempotent, for example with {@link
 * OutboxMessage#id()} as WeChat's client_msg_id.
 */
public interface OutboxHandler {

	/** The kind this handler delivers, as given to {@link Outbox#append}, e.g. {@code notification.push}. */
	String kind();

	/** Delivers one message. An error or an empty result counts as {@link Outcome#retryLater}. */
	Mono<Outcome> handle(OutboxMessage message);
}
