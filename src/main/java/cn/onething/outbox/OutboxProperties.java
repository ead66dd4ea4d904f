package cn.onething.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.outbox.*}: how this replica's dispatcher claims, retries and stops. Appending works on every
 * replica whatever these say. Checked at start-up, with a message that names the property.
 *
 * @param dispatch       run a dispatcher in this replica; false leaves delivery to the other replicas
 * @param concurrency    messages this replica handles at once
 * @param pollInterval   how often to look for due rows without being woken by a NOTIFY: retries falling due, and
 *                       rows appended while the LISTEN connection was down
 * @param lease          how long a claimed row stays this replica's; after that another replica takes it over (a
 *                       crashed replica's rows), so it must be longer than the handler timeout
 * @param handlerTimeout a handler without an outcome by then counts as a temporary failure
 * @param backoffBase    the first retry comes within this delay; the bound doubles with every attempt
 * @param backoffCap     the bound stops doubling here; it is also how long a message may wait after its cause is gone
 *                       (WeChat back after an outage) before a retry finds out, so it is minutes, not hours
 * @param retryBudget    how long after it was appended (or resubmitted by a supervisor) a message is retried before
 *                       it is dead
 * @param shutdownWait   how long stopping waits for running handlers (keep it below
 *                       spring.lifecycle.timeout-per-shutdown-phase)
 */
@ConfigurationProperties("onething.outbox")
public record OutboxProperties(
		@DefaultValue("true") boolean dispatch,
		@DefaultValue("8") int concurrency,
		@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("2m") Duration lease,
		@DefaultValue("1m") Duration handlerTimeout,
		@DefaultValue("10s") Duration backoffBase,
		@DefaultValue("5m") Duration backoffCap,
		@DefaultValue("24h") Duration retryBudget,
		@DefaultValue("15s") Duration shutdownWait) {

	public OutboxProperties {
		if (concurrency <= 0) {
			throw new IllegalArgumentException("onething.outbox.concurrency must be at least 1, was " + concurrency);
		}
		positive("onething.outbox.poll-interval", pollInterval);
		positive("onething.outbox.lease", lease);
		positive("onething.outbox.handler-timeout", handlerTimeout);
		positive("onething.outbox.backoff-base", backoffBase);
		positive("onething.outbox.backoff-cap", backoffCap);
		positive("onething.outbox.retry-budget", retryBudget);
		positive("onething.outbox.shutdown-wait", shutdownWait);
		if (handlerTimeout.compareTo(lease) >= 0) {
			// otherwise a slow handler's row would be taken over and delivered twice
			throw new IllegalArgumentException("onething.outbox.handler-timeout (" + handlerTimeout
					+ ") must be shorter than onething.outbox.lease (" + lease + ")");
		}
		if (backoffBase.compareTo(backoffCap) > 0) {
			throw new IllegalArgumentException("onething.outbox.backoff-base (" + backoffBase
					+ ") must not exceed onething.outbox.backoff-cap (" + backoffCap + ")");
		}
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
		}
	}
}
