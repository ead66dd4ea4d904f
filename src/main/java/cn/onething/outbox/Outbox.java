package cn.onething.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import cn.onething.outbox.internal.OutboxStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox module's facade: messages appended with a state change, and the supervisors' view of the ones that
 * could not be delivered. Delivery itself is the dispatcher's, to the {@link OutboxHandler} of each kind.
 */
@Service
public class Outbox {

	private final OutboxStore store;
	private final Clock clock;

	Outbox(OutboxStore store, Optional<Clock> clock) {
		this.store = store;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Appends a message for the handler of {@code kind}. Subscribed inside the caller's reactive transaction
	 * ({@code TransactionalOperator}, {@code @Transactional}), the row is written and the dispatchers are woken only
	 * if that transaction commits. A dedupe key already in the outbox makes this a no-op, so a command repeated after
	 * a lost response does not notify twice.
	 *
	 * @param kind      chooses the handler, e.g. {@code casework.ApplicationSubmitted} or {@code notification.push}
	 * @param dedupeKey unique across all messages ever appended, e.g. {@code ApplicationSubmitted:<case id>}
	 * @param payload   written as JSON by the application's JsonMapper; the handler reads it back
	 */
	public Mono<Void> append(String kind, String dedupeKey, Object payload) {
		return Mono.defer(() -> {
			Instant now = clock.instant();
			return append(kind, dedupeKey, payload, now, now);
		});
	}

	/**
	 * Appends a message that no dispatcher delivers before {@code dueAt}: a notification that waits for more news to
	 * join it (debouncing). Otherwise as {@link #append(String, String, Object)}; the retry budget still runs from
	 * now. A time already past is due at once.
	 */
	public Mono<Void> appendDueAt(String kind, String dedupeKey, Object payload, Instant dueAt) {
		return Mono.defer(() -> {
			if (dueAt == null) {
				throw new IllegalArgumentException("an outbox message appended for later needs a due time");
			}
			return append(kind, dedupeKey, payload, clock.instant(), dueAt);
		});
	}

	private Mono<Void> append(String kind, String dedupeKey, Object payload, Instant now, Instant dueAt) {
		required("kind", kind);
		required("dedupeKey", dedupeKey);
		if (payload == null) {
			throw new IllegalArgumentException("an outbox message needs a payload");
		}
		return store.append(UUID.randomUUID(), kind, dedupeKey, payload, now, dueAt.isBefore(now) ? now : dueAt);
	}

	/**
	 * A supervisor's "try again" for a dead (or failed) message: due at once, with a fresh retry budget; its attempts
	 * are kept for the record. Emits false when there is no dead or failed message with that id.
	 */
	public Mono<Boolean> retry(UUID id) {
		return store.resubmit(id, clock.instant());
	}

	/**
	 * Makes every message of this kind that waits out a backoff due now, and wakes the dispatchers: the cause of
	 * their failures is gone (WeChat takes sends again), so waiting on would only delay them. Emits how many.
	 */
	public Mono<Long> hurry(String kind) {
		return Mono.fromCallable(() -> required("kind", kind)).flatMap(valid -> store.hurry(valid, clock.instant()));
	}

	/** Messages the outbox gave up on, newest first, with the reason, for supervisors to read and retry. */
	public Flux<DeadMessage> dead(int limit) {
		return store.dead(null, limit);
	}

	/** The dead messages of one kind, newest first: a module's own list of what it could not deliver. */
	public Flux<DeadMessage> dead(String kind, int limit) {
		return Mono.fromCallable(() -> required("kind", kind)).flatMapMany(valid -> store.dead(valid, limit));
	}

	private static String required(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("an outbox message needs a " + name);
		}
		return value;
	}
}
