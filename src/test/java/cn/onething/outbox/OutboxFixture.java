package cn.onething.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.onething.outbox.internal.OutboxDispatcher;
import cn.onething.outbox.internal.OutboxMetrics;
import cn.onething.outbox.internal.OutboxNotifications;
import cn.onething.outbox.internal.OutboxStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox on a database of its own, wired by hand so that a test can run several dispatchers, each
 * with its settings, against one table, on a clock the test moves. One per test class; {@link #reset} between tests.
 */
final class OutboxFixture {

	final ConnectionPool pool;
	final DatabaseClient db;
	final OutboxStore store;
	TestClock clock;
	SimpleMeterRegistry meters;
	private OutboxMetrics metrics;
	Outbox outbox;
	private final List<OutboxDispatcher> dispatchers = new CopyOnWriteArrayList<>();

	private OutboxFixture(ConnectionPool pool) {
		this.pool = pool;
		this.db = DatabaseClient.create(pool);
		this.store = new OutboxStore(db, JsonMapper.builder().build());
		reset();
	}

	static OutboxFixture onFreshDatabase() {
		return new OutboxFixture(MigratedDatabase.create().pool(10));
	}

	/**
	 * Stops this test's dispatchers, empties the table, and starts a new clock and meter registry, which the
	 * dispatchers of a test share as if they were one replica's.
	 */
	void reset() {
		Flux.fromIterable(dispatchers).flatMap(OutboxDispatcher::shutdown).blockLast();
		dispatchers.clear();
		db.sql("truncate outbox_message").then().block();
		clock = new TestClock();
		meters = new SimpleMeterRegistry();
		metrics = new OutboxMetrics(meters);
		outbox = new Outbox(store, Optional.of(clock));
	}

	/** A started dispatcher that finds work by polling only. */
	OutboxDispatcher dispatcher(Settings settings, OutboxHandler... handlers) {
		return dispatcher(settings, Flux.never(), handlers);
	}

	/** A started dispatcher that is also woken by NOTIFY. */
	OutboxDispatcher listeningDispatcher(Settings settings, OutboxHandler... handlers) {
		return dispatcher(settings, new OutboxNotifications(pool).wakeups(), handlers);
	}

	private OutboxDispatcher dispatcher(Settings settings, Flux<?> wakeups, OutboxHandler... handlers) {
		OutboxDispatcher dispatcher = new OutboxDispatcher(store, List.of(handlers), settings.properties(), wakeups,
				metrics, clock, new Random(7));
		dispatchers.add(dispatcher);
		dispatcher.start();
		return dispatcher;
	}

	void append(String kind, String dedupeKey, Object payload) {
		outbox.append(kind, dedupeKey, payload).block();
	}

	UUID idOf(String dedupeKey) {
		return db.sql("select id from outbox_message where dedupe_key = :key").bind("key", dedupeKey)
				.map(row -> row.get("id", UUID.class)).one().block();
	}

	Row row(String dedupeKey) {
		return rowNow(dedupeKey).block();
	}

	Mono<Row> rowNow(String dedupeKey) {
		return db.sql("select status, attempts, lease_owner, last_error, next_attempt_at from outbox_message where dedupe_key = :key")
				.bind("key", dedupeKey)
				.map(row -> new Row(row.get("status", String.class), row.get("attempts", Integer.class),
						row.get("lease_owner", String.class), row.get("last_error", String.class),
						row.get("next_attempt_at", Instant.class)))
				.one();
	}

	Mono<Boolean> hasStatus(String dedupeKey, String status) {
		return rowNow(dedupeKey).map(row -> row.status().equals(status)).defaultIfEmpty(false);
	}

	long count(String where) {
		return db.sql("select count(*) as n from outbox_message where " + where).map(row -> row.get("n", Long.class)).one().block();
	}

	void close() {
		reset();
		pool.dispose();
	}

	record Row(String status, int attempts, String leaseOwner, String lastError, Instant nextAttemptAt) {
	}
}
