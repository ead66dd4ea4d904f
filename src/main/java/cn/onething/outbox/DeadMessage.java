package cn.onething.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A message the outbox stopped trying, for the supervisors' list; {@link Outbox#retry} brings it back. The payload is
 * left out: it may hold personal data that a list of failures does not need.
 *
 * @param reason   the handler's reason for giving up, or the last temporary failure when the retry budget ran out
 * @param diedAt   when the outbox stopped trying
 */
public record DeadMessage(UUID id, String kind, String dedupeKey, int attempts, String reason, Instant createdAt,
		Instant diedAt) {
}
