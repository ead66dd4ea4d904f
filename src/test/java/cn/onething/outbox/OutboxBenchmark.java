package cn.onething.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import cn.onething.outbox.internal.OutboxDispatcher;
import cn.onething.outbox.internal.OutboxMetrics;
import cn.onething.outbox.internal.OutboxNotifications;
import cn.onething.outbox.internal.OutboxStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox on the embedded PostgreSQL with 10,000 messages to a handler that only notes the time, with one and
 * with two dispatchers, each with a pool and a LISTEN connection of its own as two replicas would have, at the
 * default settings. Messages are appended 8 at a time, each in a transaction of its own as casework commands would;
 * latency runs from the start of the append to the handler's call. "burst": as fast as the appenders go while the
 * dispatchers run; "paced": 250 a second, a busy hall's morning many times over; "drain": all are waiting when the
 * dispatchers start (a backlog after an outage). Run it with bench/outbox/run.sh. A benchmark, not a test: it
 * asserts nothing.
 */
public final class OutboxBenchmark {

	private static final String KIND = "bench.message";
	private static final int APPENDERS = 8;
	private static final int PACE_PER_SECOND = 250;

	private final MigratedDatabase database;
	private final ConnectionPool appenderPool;
	private final DatabaseClient db;
	private final Outbox outbox;
	private final TransactionalOperator transaction;
	private final OutboxProperties settings;

	private record Result(double appendedPerSecond, double deliveredPerSecond, Duration p50, Duration p99, int duplicates) {
	}

	private OutboxBenchmark(int concurrency) {
		database = MigratedDatabase.create();
		appenderPool = database.pool(APPENDERS);
		db = DatabaseClient.create(appenderPool);
		outbox = new Outbox(new OutboxStore(db, JsonMapper.builder().build()), Optional.empty());
		transaction = TransactionalOperator.create(new R2dbcTransactionManager(appenderPool));
		settings = new Binder(new MapConfigurationPropertySource(Map.of("onething.outbox.concurrency", concurrency)))
				.bindOrCreate("onething.outbox", OutboxProperties.class);
	}

	public static void main(String[] args) {
		run(args);
		// the dispatchers' and the driver's threads would keep the JVM up
		System.exit(0);
	}

	/** The whole run without ending the JVM: {@code BenchmarksStartTests} starts it with tiny sizes. */
	public static void run(String... args) {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		OutboxBenchmark bench = new OutboxBenchmark(concurrency);
		System.out.printf("%,d messages, %d cores, Java %s, concurrency %d per dispatcher, %d appenders%n", count,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), concurrency, APPENDERS);
		// warm-up: until the JIT has compiled the driver, Reactor and Jackson, appends run at a quarter of their speed
		for (int dispatchers = 1; dispatchers <= 2; dispatchers++) {
			bench.live(dispatchers, count, Flux.range(0, count));
		}
		System.out.println("mode   dispatchers  appended/s  delivered/s  p50 append→handled  p99 append→handled  duplicates");
		for (int dispatchers = 1; dispatchers <= 2; dispatchers++) {
			bench.report("burst", dispatchers, bench.live(dispatchers, count, Flux.range(0, count)));
			bench.report("paced", dispatchers, bench.live(dispatchers, count, paced(count)));
			bench.report("drain", dispatchers, bench.drain(dispatchers, count));
		}
		bench.appenderPool.dispose();
	}

	private static Flux<Integer> paced(int count) {
		return Flux.interval(Duration.ofSeconds(1).dividedBy(PACE_PER_SECOND)).onBackpressureBuffer().map(Long::intValue).take(count);
	}

	private Result live(int dispatchers, int count, Flux<Integer> messages) {
		Deliveries deliveries = new Deliveries(count);
		List<Replica> replicas = start(dispatchers, deliveries);
		long begin = System.nanoTime();
		Map<String, Long> appendedAt = append(messages);
		long appended = System.nanoTime();
		deliveries.await();
		stop(replicas);
		long[] latencies = appendedAt.entrySet().stream()
				.mapToLong(entry -> deliveries.handledAt.get(entry.getKey()) - entry.getValue()).sorted().toArray();
		return new Result(perSecond(count, appended - begin), perSecond(count, deliveries.last() - begin),
				percentile(latencies, 50), percentile(latencies, 99), deliveries.duplicates.get());
	}

	private Result drain(int dispatchers, int count) {
		Deliveries deliveries = new Deliveries(count);
		long begin = System.nanoTime();
		append(Flux.range(0, count));
		long appended = System.nanoTime();
		List<Replica> replicas = start(dispatchers, deliveries);
		deliveries.await();
		stop(replicas);
		return new Result(perSecond(count, appended - begin), perSecond(count, deliveries.last() - appended), null, null,
				deliveries.duplicates.get());
	}

	/** Appends in transactions of their own and returns when each began, by dedupe key. */
	private Map<String, Long> append(Flux<Integer> messages) {
		db.sql("truncate outbox_message").then().block();
		Map<String, Long> startedAt = new ConcurrentHashMap<>();
		messages
				.flatMap(i -> Mono.defer(() -> {
					String key = "message-" + i;
					startedAt.put(key, System.nanoTime());
					return transaction.transactional(outbox.append(KIND, key, Map.of("caseId", "case-" + i, "step", "police")));
				}), APPENDERS)
				.blockLast();
		return startedAt;
	}

	private List<Replica> start(int dispatchers, Deliveries deliveries) {
		return IntStream.range(0, dispatchers).mapToObj(i -> new Replica(database.pool(10), settings, deliveries)).toList();
	}

	private static void stop(List<Replica> replicas) {
		replicas.forEach(Replica::stop);
	}

	private void report(String mode, int dispatchers, Result result) {
		System.out.printf("%-6s %11d  %10.0f  %11.0f  %18s  %18s  %10d%n", mode, dispatchers, result.appendedPerSecond(),
				result.deliveredPerSecond(), millis(result.p50()), millis(result.p99()), result.duplicates());
	}

	private static String millis(Duration duration) {
		return duration == null ? "-" : String.format("%.1f ms", duration.toNanos() / 1e6);
	}

	private static double perSecond(int count, long nanos) {
		return count / (nanos / 1e9);
	}

	private static Duration percentile(long[] sorted, int percent) {
		return Duration.ofNanos(sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)]);
	}

	/** What one replica would run: its own pool, LISTEN connection and dispatcher. */
	private static final class Replica {

		private final ConnectionPool pool;
		private final OutboxDispatcher dispatcher;

		Replica(ConnectionPool pool, OutboxProperties settings, Deliveries deliveries) {
			this.pool = pool;
			this.dispatcher = new OutboxDispatcher(new OutboxStore(DatabaseClient.create(pool), JsonMapper.builder().build()),
					List.of(deliveries), settings, new OutboxNotifications(pool).wakeups(),
					new OutboxMetrics(new SimpleMeterRegistry()), Clock.systemUTC(), new Random());
			dispatcher.start();
		}

		void stop() {
			dispatcher.shutdown().block();
			pool.dispose();
		}
	}

	/** The handler: notes when each message first arrived, and counts any that arrived again. */
	private static final class Deliveries implements OutboxHandler {

		final Map<String, Long> handledAt = new ConcurrentHashMap<>();
		final AtomicInteger duplicates = new AtomicInteger();
		private final CountDownLatch remaining;

		Deliveries(int count) {
			remaining = new CountDownLatch(count);
		}

		@Override
		public String kind() {
			return KIND;
		}

		@Override
		public Mono<Outcome> handle(OutboxMessage message) {
			if (handledAt.putIfAbsent(message.dedupeKey(), System.nanoTime()) == null) {
				remaining.countDown();
			}
			else {
				duplicates.incrementAndGet();
			}
			return Mono.just(Outcome.DONE);
		}

		void await() {
			try {
				if (!remaining.await(10, TimeUnit.MINUTES)) {
					throw new IllegalStateException(remaining.getCount() + " messages not delivered within 10 minutes");
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		long last() {
			return handledAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
		}
	}
}
