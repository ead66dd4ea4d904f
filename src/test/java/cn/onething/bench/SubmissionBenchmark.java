package cn.onething.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.onething.bundle.Bundles;
import cn.onething.bundle.FormField;
import cn.onething.catalog.Catalog;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Applications filed through the service's real HTTP endpoint, as the combined form page posts them
 * ({@code POST /bundles/newborn/applications}, URL-encoded), each by a different applicant. Closed loop: a fixed
 * number of clients each send the next form as soon as the last one was answered (the most the service can take).
 * Open loop: a fixed rate whatever the service does, latency counted from when each send fell due
 * ({@link OpenLoop}). Service and clients share the machine. Run it with bench/submissions/run.sh. A benchmark, not
 * a test: it asserts nothing.
 */
public final class SubmissionBenchmark {

	private static final String BUNDLE = "newborn";

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).build();
	private final URI endpoint;
	private final List<FormField> fields;
	private long seeds;

	private record ClosedRun(int sent, int failed, String firstFailure, double perSecond, Latencies latencies) {
	}

	private SubmissionBenchmark(int port, List<FormField> fields) {
		this.endpoint = URI.create("http://127.0.0.1:" + port + "/bundles/" + BUNDLE + "/applications");
		this.fields = fields;
	}

	public static void main(String[] args) throws Exception {
		run(args);
		// the service's and the HTTP client's threads would keep the JVM up
		System.exit(0);
	}

	/** The whole run without ending the JVM: {@link BenchmarksStartTests} starts it with tiny sizes. */
	static void run(String... args) throws Exception {
		int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 8;
		int closedSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		int openSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
		BenchDatabase database = BenchDatabase.create();
		ConfigurableApplicationContext service = BenchService.start(database, true, Map.of());
		service.getBean(Catalog.class).importGuides("bench").block();
		service.getBean(Bundles.class).importBundles("bench").block();
		List<FormField> fields = service.getBean(Bundles.class).bundle(BUNDLE).orElseThrow().form().fields();
		SubmissionBenchmark bench = new SubmissionBenchmark(
				Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")), fields);
		System.out.printf("%s, %d items, %d form fields; %d cores, Java %s; %s; %s%n", BUNDLE,
				service.getBean(Bundles.class).bundle(BUNDLE).orElseThrow().items().size(), fields.size(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), database.commitSettings(),
				LocalDate.now());
		// warm-up, unreported: until the JIT has compiled Netty, Thymeleaf's form parsing, the driver and Jackson
		bench.closedLoop(concurrency, Duration.ofSeconds(closedSeconds));
		System.out.println("| load | closed loop, " + concurrency + " clients | sent | failed | submissions/s | p50 | p99 | max |");
		for (int run = 0; run < 2; run++) {
			String load = MachineLoad.now();
			ClosedRun closed = bench.closedLoop(concurrency, Duration.ofSeconds(closedSeconds));
			System.out.printf("| %s→%s | %d s | %d | %d | %.0f | %.1f ms | %.1f ms | %.1f ms |%n", load, MachineLoad.now(),
					closedSeconds, closed.sent(), closed.failed(), closed.perSecond(), closed.latencies().percentileMillis(50),
					closed.latencies().percentileMillis(99), closed.latencies().maxMillis());
			failure(closed.firstFailure());
		}
		System.out.println("| load | open loop | sent | failed | latest start | p50 | p99 | max |");
		for (int run = 0; run < 2; run++) {
			String load = MachineLoad.now();
			OpenLoop.Run open = bench.openLoop(rate, openSeconds);
			Latencies latencies = open.latencies();
			System.out.printf("| %s→%s | %d/s for %d s | %d | %d | %d ms | %.1f ms | %.1f ms | %.1f ms |%n", load,
					MachineLoad.now(), rate, openSeconds, open.dueAt().length, open.failures(), open.latestStart().toMillis(),
					latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.maxMillis());
			failure(open.firstFailure());
		}
		System.out.printf("cases stored: %d%n", database.count("select count(*) from casework_application"));
		service.close();
	}

	private static void failure(String first) {
		if (first != null) {
			System.out.println("  the first failure: " + first);
		}
	}

	private ClosedRun closedLoop(int concurrency, Duration duration) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(concurrency);
		long begin = System.nanoTime();
		long end = begin + duration.toNanos();
		List<Future<List<Long>>> results = new ArrayList<>();
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < concurrency; i++) {
			FormAnswers answers = new FormAnswers(fields, seeds++);
			results.add(clients.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					try {
						HttpResponse<Void> response = client.send(request(answers.next()), HttpResponse.BodyHandlers.discarding());
						if (filed(response)) {
							latencies.add(System.nanoTime() - sent);
						}
						else {
							failures.add("HTTP " + response.statusCode());
						}
					}
					catch (IOException e) {
						failures.add(e.toString());
					}
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		clients.shutdown();
		return new ClosedRun(all.size() + failures.size(), failures.size(), failures.isEmpty() ? null : failures.get(0), all.size() / seconds,
				new Latencies(all.stream().mapToLong(Long::longValue).toArray()));
	}

	private OpenLoop.Run openLoop(int rate, int seconds) {
		FormAnswers answers = new FormAnswers(fields, seeds++);
		return OpenLoop.run(rate, rate * seconds, Duration.ofMinutes(2), i -> client
				.sendAsync(request(answers.next()), HttpResponse.BodyHandlers.discarding())
				.thenCompose(response -> filed(response) ? CompletableFuture.completedFuture(response)
						: CompletableFuture.failedFuture(new IllegalStateException("HTTP " + response.statusCode()))));
	}

	private HttpRequest request(String form) {
		return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)).build();
	}

	/** The service answers a filed application with a redirect to its progress page (the receipt). */
	private static boolean filed(HttpResponse<?> response) {
		return response.statusCode() == 303 || response.statusCode() == 302;
	}
}
