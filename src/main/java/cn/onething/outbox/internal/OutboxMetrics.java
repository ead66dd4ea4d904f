package cn.onething.outbox.internal;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * outbox.backlog (rows due and not yet claimed) and outbox.dead (rows given up on) as gauges, refreshed by the
 * dispatcher from the database since every replica sees the same table; outbox.handled counts this replica's
 * attempts by kind and outcome (delivered, retried, dead).
 */
public class OutboxMetrics {

	private final MeterRegistry registry;
	private final AtomicLong backlog = new AtomicLong();
	private final AtomicLong dead = new AtomicLong();

	public OutboxMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("outbox.backlog", backlog, AtomicLong::get)
				.description("outbox rows due for delivery and not yet claimed").register(registry);
		Gauge.builder("outbox.dead", dead, AtomicLong::get)
				.description("outbox rows given up on, waiting for a supervisor").register(registry);
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
		Counter.builder("outbox.handled").description("outbox delivery attempts by outcome")
				.tag("kind", kind).tag("outcome", outcome).register(registry).increment();
	}
}
