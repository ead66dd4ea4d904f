package cn.onething.outbox;

import java.time.Duration;

/** Outbox settings for tests: polling every 50 ms, minute-scale backoff within an hour's budget. */
final class Settings {

	private int concurrency = 8;
	private Duration pollInterval = Duration.ofMillis(50);
	private Duration lease = Duration.ofMinutes(2);
	private Duration backoffBase = Duration.ofMinutes(1);
	private Duration backoffCap = Duration.ofMinutes(10);
	private Duration retryBudget = Duration.ofHours(1);
	private Duration shutdownWait = Duration.ofSeconds(5);

	Settings concurrency(int value) {
		concurrency = value;
		return this;
	}

	Settings pollInterval(Duration value) {
		pollInterval = value;
		return this;
	}

	Settings lease(Duration value) {
		lease = value;
		return this;
	}

	Settings shutdownWait(Duration value) {
		shutdownWait = value;
		return this;
	}

	Duration backoffCap() {
		return backoffCap;
	}

	Duration retryBudget() {
		return retryBudget;
	}

	OutboxProperties properties() {
		return new OutboxProperties(true, concurrency, pollInterval, lease, lease.dividedBy(2), backoffBase, backoffCap,
				retryBudget, shutdownWait);
	}
}
