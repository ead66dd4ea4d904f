package cn.onething.outbox.internal;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * onething.outbox.backlog (rows due and not yet claimed) and onething.outbox.dead (rows given up on) as gauges,
 * refreshed by the dispatcher from the database since every replica sees the same table; onething.outbox.handled
 * counts this replica's attempts by kind and outcome (delivered, retried, dead). The names are what the alerts in
 * k8s/monitoring/prometheusrule.yaml query, as onething_outbox_backlog and so on.
 */
public class OutboxMetrics {

	private static final String HANDLED = "onething.outbox.handled";
	private static final List<String> OUTCOMES = List.of("delivered", "retried", "dead");

	private final MeterRegistry registry;
	private final AtomicLong backlog = new AtomicLong();
	private final AtomicLong dead = new AtomicLong();

	public OutboxMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("onething.outbox.backlog", backlog, AtomicLong::get)
				.description("outbox rows due for delivery and not yet claimed").register(registry);
		Gauge.builder("onething.outbox.dead", dead, AtomicLong::get)
				.description("outbox rows given up on, waiting for a supervisor").register(registry);
	}

	/**
	 * Registers the counters of every kind and outcome at zero, so that a rate over them (the failing-deliveries
	 * alert) has a series to work on before the first failure, not only after it.
	 */
	void expect(Collection<String> kinds) {
		kinds.forEach(kind -> OUTCOMES.forEach(outcome -> counter(kind, outcome)));
	}

	void counted(long due, long deadRows) {
		backlog.set(due);
		dead.set(deadRows);
	}

	void delivered(String kind) {
		handled(kind, "delivered");
	}

	void retried(String kind) {
		handled(kind, "retried");
	}

	void died(String kind) {
		handled(kind, "dead");
	}

	private void handled(String kind, String outcome) {
		counter(kind, outcome).increment();
	}

	private Counter counter(String kind, String outcome) {
		return Counter.builder(HANDLED).description("outbox delivery attempts by outcome")
				.tag("kind", kind).tag("outcome", outcome).register(registry);
	}
}
