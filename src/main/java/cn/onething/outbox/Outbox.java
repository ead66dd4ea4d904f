package cn.onething.outbox;

import java.time.Clock;
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
			required("kind", kind);
			required("dedupeKey", dedupeKey);
			if (payload == null) {
				throw new IllegalArgumentException("an outbox message needs a payload");
			}
			return store.append(UUID.randomUUID(), kind, dedupeKey, payload, clock.instant());
		});
	}

	/**
	 * A supervisor's "try again" for a dead (or failed) message: due at once, with a fresh retry budget; its attempts
	 * are kept for the record. Emits false when there is no dead or failed message with that id.
	 */
	public Mono<Boolean> retry(UUID id) {
		return store.resubmit(id, clock.instant());
	}

	/** Messages the outbox gave up on, newest first, with the reason, for supervisors to read and retry. */
	public Flux<DeadMessage> dead(int limit) {
		return store.dead(limit);
	}

	private static void required(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("an outbox message needs a " + name);
		}
	}
}
