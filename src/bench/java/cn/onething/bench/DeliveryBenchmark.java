package cn.onething.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import com.github.kagkarlsson.scheduler.Scheduler;
import cn.onething.outbox.Outbox;
import cn.onething.outbox.internal.OutboxDispatcher;
import cn.onething.wechat.WechatChannel;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Pushes delivered to the fake WeChat (real HTTP on loopback), by our outbox dispatcher with a handler that sends
 * through the service's WeChat channel ({@link BenchPushHandler}), and by db-scheduler 16 making the same call
 * ({@link DbSchedulerDelivery}), on the same database. Throughput: a backlog of pushes waits when delivery starts,
 * counted until the last one reaches the fake. Latency: pushes committed at a steady rate while delivery runs,
 * from each commit to its arrival at the fake. Our side runs with the service's default settings (8 messages at
 * once, polling every 5 s, woken by NOTIFY); db-scheduler with 8 threads. Run it with bench/delivery/run.sh. A
 * benchmark, not a test: it asserts nothing.
 */
public final class DeliveryBenchmark {

	private static final int CONCURRENCY = 8;
	/** The service's R2DBC pool (application.yaml), given to db-scheduler's JDBC pool too. */
	private static final int POOL = 20;
	private static final Duration PATIENCE = Duration.ofMinutes(10);

	private final BenchDatabase database;
	private final BenchWechat wechat;
	private final OutboxDispatcher dispatcher;
	private final Outbox outbox;
	private final TransactionalOperator transaction;
	private final DbSchedulerDelivery rival;
	private int batches;

	private DeliveryBenchmark(BenchDatabase database, BenchWechat wechat, ConfigurableApplicationContext service) {
		this.database = database;
		this.wechat = wechat;
		this.dispatcher = service.getBean(OutboxDispatcher.class);
		this.outbox = service.getBean(Outbox.class);
		this.transaction = service.getBean(TransactionalOperator.class);
		this.rival = new DbSchedulerDelivery(database, POOL, CONCURRENCY, service.getBean(WechatChannel.class));
	}

	public static void main(String[] args) {
		run(args);
		// the service's and the schedulers' threads would keep the JVM up
		System.exit(0);
	}

	/** The whole run without ending the JVM: {@code RivalBenchmarksStartTests} starts it with tiny sizes. */
	static void run(String... args) {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
		BenchDatabase database = BenchDatabase.create();
		try (BenchWechat wechat = new BenchWechat()) {
			ConfigurableApplicationContext service = BenchService.start(database, false, wechat.serviceSettings(), BenchPushHandler.class);
			DeliveryBenchmark bench = new DeliveryBenchmark(database, wechat, service);
			System.out.printf("%,d pushes per drain, %d at once; %d cores, Java %s; %s; %s%n", count, CONCURRENCY,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), database.commitSettings(),
					LocalDate.now());
			// warm-up, unreported: the JIT, WxJava's token, both pools
			bench.ourDrain(count / 2);
			bench.rivalDrain(count / 2);
			System.out.println("| load | drain of a backlog | pushes | delivered/s | all rows settled/s |");
			for (int round = 0; round < 2; round++) {
				report("our outbox", count, () -> bench.ourDrain(count));
				report("db-scheduler", count, () -> bench.rivalDrain(count));
			}
			System.out.println("| load | commit → arrival, " + rate + "/s for " + seconds + " s | pushes | p50 | p99 | max | latest start |");
			for (int round = 0; round < 2; round++) {
				reportLatency("our outbox", () -> bench.ourLatency(rate, seconds));
			}
			reportLatency("db-scheduler, immediate execution", () -> bench.rivalLatency(rate, seconds));
			bench.rival.close();
			service.close();
		}
	}

	/** When the last push arrived and when every row was settled, from the start of delivery. */
	private record Drain(long lastArrival, long settled) {
	}

	/** From each commit to the push's arrival, and how late the generator was at worst in committing one. */
	private record Paced(Latencies latencies, int pushes, Duration latestStart) {
	}

	private Drain ourDrain(int count) {
		dispatcher.shutdown().block();
		database.execute("delete from outbox_message");
		wechat.forgetArrivals();
		List<String> refs = refs(count);
		Flux.fromIterable(refs)
				.flatMap(ref -> transaction.transactional(outbox.append(BenchPushHandler.KIND, ref, new BenchPushHandler.Payload(ref))), CONCURRENCY)
				.blockLast();
		long begin = System.nanoTime();
		dispatcher.start();
		return drained(begin, count, () -> database.count("select count(*) from outbox_message where status <> 'completed'"));
	}

	private Drain rivalDrain(int count) {
		rival.clear();
		wechat.forgetArrivals();
		rival.schedule(refs(count));
		long begin = System.nanoTime();
		Scheduler scheduler = rival.start(false);
		Drain drain = drained(begin, count, rival::waiting);
		scheduler.stop();
		return drain;
	}

	private Drain drained(long begin, int count, LongSupplier unsettled) {
		long lastArrival = wechat.awaitArrivals(count, PATIENCE);
		while (unsettled.getAsLong() > 0) {
			LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
		}
		return new Drain(lastArrival - begin, System.nanoTime() - begin);
	}

	private Paced ourLatency(int rate, int seconds) {
		dispatcher.start();
		wechat.forgetArrivals();
		List<String> refs = refs(rate * seconds);
		OpenLoop.Run run = OpenLoop.run(rate, refs.size(), PATIENCE, i -> transaction
				.transactional(outbox.append(BenchPushHandler.KIND, refs.get(i), new BenchPushHandler.Payload(refs.get(i)))).toFuture());
		return fromCommitToArrival(refs, run);
	}

	private Paced rivalLatency(int rate, int seconds) {
		rival.clear();
		wechat.forgetArrivals();
		Scheduler scheduler = rival.start(true);
		ExecutorService schedulers = Executors.newFixedThreadPool(CONCURRENCY);
		List<String> refs = refs(rate * seconds);
		OpenLoop.Run run = OpenLoop.run(rate, refs.size(), PATIENCE,
				i -> CompletableFuture.runAsync(() -> rival.scheduleNow(scheduler, refs.get(i)), schedulers));
		Paced paced = fromCommitToArrival(refs, run);
		schedulers.shutdown();
		scheduler.stop();
		return paced;
	}

	private Paced fromCommitToArrival(List<String> refs, OpenLoop.Run run) {
		if (run.failures() > 0) {
			throw new IllegalStateException(run.failures() + " pushes could not be committed, the first: " + run.firstFailure());
		}
		wechat.awaitArrivals(refs.size(), PATIENCE);
		return new Paced(new Latencies(IntStream.range(0, refs.size())
				.mapToLong(i -> wechat.arrivedAt(refs.get(i)) - run.doneAt()[i]).toArray()), refs.size(), run.latestStart());
	}

	/** References unique across the whole run, as receipt codes would be. */
	private List<String> refs(int count) {
		int batch = ++batches;
		return IntStream.range(0, count).mapToObj(i -> "B" + batch + "N" + i).toList();
	}

	private static void report(String contender, int count, Supplier<Drain> measurement) {
		String load = MachineLoad.now();
		Drain drain = measurement.get();
		System.out.printf("| %s→%s | %s | %,d | %.0f | %.0f |%n", load, MachineLoad.now(), contender, count,
				count / (drain.lastArrival() / 1e9), count / (drain.settled() / 1e9));
	}

	private static void reportLatency(String contender, Supplier<Paced> measurement) {
		String load = MachineLoad.now();
		Paced paced = measurement.get();
		System.out.printf("| %s→%s | %s | %,d | %.1f ms | %.1f ms | %.1f ms | %d ms |%n", load, MachineLoad.now(), contender,
				paced.pushes(), paced.latencies().percentileMillis(50), paced.latencies().percentileMillis(99),
				paced.latencies().maxMillis(), paced.latestStart().toMillis());
	}
}
