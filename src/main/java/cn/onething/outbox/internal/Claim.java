package cn.onething.outbox.internal;

import java.time.Instant;

import cn.onething.outbox.OutboxMessage;

/**
 * A message leased to one dispatcher. Its owner and attempt number fence every later write: once the lease ran out
 * and another replica claimed the row, this claim can no longer change it.
 *
 * @param retryingSince when the retry budget started: the append, or a supervisor's resubmission
 */
public record Claim(OutboxMessage message, String owner, Instant retryingSince) {
}
