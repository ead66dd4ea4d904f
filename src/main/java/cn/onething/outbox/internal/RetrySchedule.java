package cn.onething.outbox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed message again: exponential backoff with full jitter (a delay drawn uniformly from one millisecond
 * to a bound that doubles per attempt up to a cap), so that the many messages failing in one WeChat outage spread
 * out over the window instead of returning all at once. Retries stop when the next one would fall outside the
 * budget.
 */
public final class RetrySchedule {

	private final Duration base;
	private final Duration cap;
	private final Duration budget;
	private final RandomGenerator random;

	public RetrySchedule(Duration base, Duration cap, Duration budget, RandomGenerator random) {
		this.base = base;
		this.cap = cap;
		this.budget = budget;
		this.random = random;
	}

	/** The longest delay after the given failed attempt (1 for the first): base · 2^(attempt-1), at most the cap. */
	public Duration bound(int attempt) {
		int doublings = Math.max(0, attempt - 1);
		// past 2^40 any positive base is beyond any cap, and the multiplication could overflow
		if (doublings > 40) {
			return cap;
		}
		Duration bound = base.multipliedBy(1L << doublings);
		return bound.compareTo(cap) < 0 ? bound : cap;
	}

	/**
	 * Full jitter over (0, bound]: never zero, so a retry always lies after the failure it follows. Zero (1 in 201 with
	 * a 200 ms base) made a message due at the very instant it failed, which a clock standing still, as in tests of an
	 * outage, could not hold back.
	 */
	public Duration delay(int attempt) {
		return Duration.ofMillis(1 + random.nextLong(bound(attempt).toMillis()));
	}

	/** When to try again after the given failed attempt, or empty when that would exceed the budget. */
	public Optional<Instant> next(int attempt, Instant retryingSince, Instant now) {
		Instant next = now.plus(delay(attempt));
		return next.isAfter(retryingSince.plus(budget)) ? Optional.empty() : Optional.of(next);
	}

	public Duration budget() {
		return budget;
	}
}
