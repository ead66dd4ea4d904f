package cn.onething.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import cn.onething.outbox.Outbox;
import cn.onething.wechat.fake.FakeMessages;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.Fault;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.util.retry.Retry;

/**
 * The outbox under trouble: pushes appended at a steady rate while two replicas ({@link ReplicaProcess}, the
 * service's default outbox settings) deliver them to the fake WeChat, which answers 10% of the sends with a
 * temporary error (-1), invalidates the access token (another client forces a new stable token), and goes down for
 * 60 seconds (every call answered 503); meanwhile one replica is killed (SIGKILL) and started again. It reports what
 * the fake received: every push exactly once, how many repeats WeChat's client_msg_id memory absorbed, and how long
 * the backlog took to drain. Run it with bench/delivery/fault-run.sh. A benchmark, not a test: it asserts nothing.
 */
public final class FaultRun {

	private static final Duration TOKEN_INVALIDATED = Duration.ofSeconds(20);
	private static final Duration REPLICA_KILLED = Duration.ofSeconds(30);
	private static final Duration REPLICA_RESTARTED = Duration.ofSeconds(40);
	private static final Duration OUTAGE_STARTS = Duration.ofSeconds(50);
	private static final Duration OUTAGE = Duration.ofSeconds(60);
	private static final Duration PATIENCE = Duration.ofMinutes(30);

	private volatile boolean outage;
	private final Random random = new Random(42);
	private final AtomicInteger systemErrors = new AtomicInteger();
	private final AtomicInteger outageAnswers = new AtomicInteger();
	private final AtomicInteger appendRetries = new AtomicInteger();
	private final AtomicReference<String> firstAppendFailure = new AtomicReference<>();

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		BenchDatabase database = BenchDatabase.create();
		// appends only: it migrates the database before the replicas start, and delivers nothing itself
		ConfigurableApplicationContext appender = BenchService.start(database, false, Map.of("onething.outbox.dispatch", "false"));
		try (BenchWechat wechat = new BenchWechat()) {
			System.out.printf("%,d pushes at %d/s, two replicas; %d cores, Java %s; %s; %s; load %s%n", count, rate,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), database.commitSettings(),
					LocalDate.now(), MachineLoad.now());
			new FaultRun().run(count, rate, database, wechat, appender.getBean(Outbox.class),
					appender.getBean(TransactionalOperator.class));
		}
		appender.close();
		System.exit(0);
	}

	private void run(int count, int rate, BenchDatabase database, BenchWechat wechat, Outbox outbox,
			TransactionalOperator transaction) throws Exception {
		FakeWechat fake = wechat.fake;
		wechat.faults(request -> outage ? down() : random.nextInt(10) == 0 ? systemError() : null);
		fake.faultRule(FakeWechat.STABLE_TOKEN_PATH, request -> outage ? down() : null);
		Path logs = Path.of("target", "bench", "fault-run");
		ReplicaProcess a = ReplicaProcess.start(database, fake.url(), logs.resolve("replica-a.log"));
		ReplicaProcess b = ReplicaProcess.start(database, fake.url(), logs.resolve("replica-b.log"));
		CompletableFuture.allOf(a.ready(), b.ready()).get(5, TimeUnit.MINUTES);
		long start = System.nanoTime();
		say(start, "replicas a and b ready; appending");
		// An append that fails (the machine is shared and slow at times) is tried again, as a caller whose command
		// failed would; the dedupe key makes a repeat harmless.
		CompletableFuture<OpenLoop.Run> appends = CompletableFuture.supplyAsync(() -> OpenLoop.run(rate, count, PATIENCE,
				i -> transaction.transactional(outbox.append(BenchPushHandler.KIND, "F" + i, new BenchPushHandler.Payload("F" + i)))
						.doOnError(this::appendFailed)
						.retryWhen(Retry.backoff(20, Duration.ofSeconds(1)))
						.toFuture()));

		sleepUntil(start, TOKEN_INVALIDATED);
		invalidateTheToken(fake);
		say(start, "access token invalidated: another client forced a new stable token, the old one's grace is over");
		sleepUntil(start, REPLICA_KILLED);
		b.kill();
		say(start, "replica b killed (SIGKILL)");
		sleepUntil(start, REPLICA_RESTARTED);
		ReplicaProcess restarted = ReplicaProcess.start(database, fake.url(), logs.resolve("replica-b-restarted.log"));
		say(start, "replica b starting again");
		restarted.ready().thenAccept(at -> say(start, "replica b ready again"));
		sleepUntil(start, OUTAGE_STARTS);
		outage = true;
		say(start, "WeChat down: every call answered 503");
		sleepUntil(start, OUTAGE_STARTS.plus(OUTAGE));
		outage = false;
		long outageEnded = System.nanoTime();
		say(start, "WeChat back");

		OpenLoop.Run appended = appends.get(PATIENCE.toMinutes(), TimeUnit.MINUTES);
		say(start, String.format("appended %,d (%d failed for good; %d attempts failed and were repeated, the first: %s), "
				+ "the generator %d ms late at worst", count - appended.failures(), appended.failures(), appendRetries.get(),
				firstAppendFailure.get(), appended.latestStart().toMillis()));
		long drained = awaitDistinct(fake, count, start);
		say(start, "all delivered");
		while (database.count("select count(*) from outbox_message where status in ('published', 'processing', 'failed', 'resubmitted')") > 0) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		}
		say(start, "every outbox row settled");
		report(count, fake, database, start, outageEnded, drained);
		a.kill();
		restarted.kill();
	}

	private void appendFailed(Throwable error) {
		appendRetries.incrementAndGet();
		firstAppendFailure.compareAndSet(null, error.toString());
	}

	private Fault down() {
		outageAnswers.incrementAndGet();
		return Fault.httpStatus(503);
	}

	private Fault systemError() {
		systemErrors.incrementAndGet();
		return Fault.errcode(-1);
	}

	/**
	 * As another system sharing the account would: a forced stable token (docs/wechat.md §1.2), after which the old
	 * one lives five more minutes; the fake's clock jumps past them, so the replicas' cached token gets 40001.
	 */
	private static void invalidateTheToken(FakeWechat fake) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.url() + FakeWechat.STABLE_TOKEN_PATH))
				.POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credential\",\"appid\":\"" + FakeWechat.APP_ID
						+ "\",\"secret\":\"" + FakeWechat.SECRET + "\",\"force_refresh\":true}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (!answer.body().contains("access_token")) {
			throw new IllegalStateException("the forced refresh failed: " + answer.body());
		}
		fake.clock().advance(Duration.ofSeconds(301));
	}

	/** Waits until this many distinct pushes were accepted, saying how far it got every 10 seconds; returns when. */
	private long awaitDistinct(FakeWechat fake, int count, long start) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		long nextNews = System.nanoTime();
		for (long distinct = distinct(fake); distinct < count; distinct = distinct(fake)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(distinct + " of " + count + " delivered within " + PATIENCE);
			}
			if (System.nanoTime() >= nextNews) {
				say(start, String.format("%,d delivered", distinct));
				nextNews += TimeUnit.SECONDS.toNanos(10);
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		}
		return System.nanoTime();
	}

	private static long distinct(FakeWechat fake) {
		return fake.messages().deliveries().stream().map(FakeMessages.Delivery::clientMsgId).distinct().count();
	}

	private void report(int count, FakeWechat fake, BenchDatabase database, long start, long outageEnded, long drained) {
		List<String> accepted = fake.messages().deliveries().stream().map(FakeMessages.Delivery::clientMsgId).toList();
		long distinct = accepted.stream().distinct().count();
		System.out.println("| pushes | delivered (distinct client_msg_id) | delivered twice | repeats absorbed by client_msg_id "
				+ "| sends received | -1 injected | calls answered 503 (sends and token requests) | token requests | drained after the outage | from the first append | rows completed / dead |");
		System.out.printf("| %,d | %,d | %d | %d | %,d | %,d | %,d | %d | %.0f s | %.0f s | %,d / %d |%n", count,
				distinct, accepted.size() - distinct,
				fake.messages().repeatsAbsorbed(), fake.received(FakeWechat.TEMPLATE_SEND_PATH).size(), systemErrors.get(),
				outageAnswers.get(), fake.tokenRequests(), seconds(drained - outageEnded), seconds(drained - start),
				database.count("select count(*) from outbox_message where status = 'completed'"),
				database.count("select count(*) from outbox_message where status = 'dead'"));
		System.out.println("load " + MachineLoad.now() + "; replica logs in target/bench/fault-run/");
	}

	private void sleepUntil(long start, Duration offset) {
		long until = start + offset.toNanos();
		for (long wait = until - System.nanoTime(); wait > 0; wait = until - System.nanoTime()) {
			LockSupport.parkNanos(wait);
		}
	}

	private void say(long start, String what) {
		System.out.printf("t+%5.1f s  load %s  %s%n", seconds(System.nanoTime() - start), MachineLoad.now(), what);
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}
}
