package cn.onething.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cn.onething.system.FreePort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Kubernetes sees of a replica whose database goes away and comes back (a failover, a restart): readiness
 * turns DOWN, so the Service stops sending it requests, liveness stays UP, so nobody restarts it, and readiness
 * is UP again by itself once the database answers, on the same management port the probes use.
 */
class ReadinessFollowsTheDatabaseTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);
	private static final int NO_ANSWER = -1;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path dataDirectory;

	private EmbeddedPostgres database;
	private ConfigurableApplicationContext replica;

	@Test
	void readinessIsDownWhileTheDatabaseIsAwayAndUpAgainWhenItReturnsWhileLivenessStaysUp() throws Exception {
		int port = FreePort.pick();
		database = startDatabase(port);
		Map<String, String> settings = Replica.quiet();
		settings.put("spring.main.web-application-type", "reactive");
		settings.put("server.port", "0");
		settings.put("management.server.port", "0");
		settings.put("spring.r2dbc.url", "r2dbc:postgresql://localhost:" + port + "/postgres");
		settings.put("spring.r2dbc.username", "postgres");
		settings.put("spring.r2dbc.password", "postgres");
		replica = Replica.start(settings);
		String management = "http://localhost:" + replica.getEnvironment().getProperty("local.management.port");

		awaitStatus(management + "/actuator/health/readiness", 200);

		database.close();
		awaitStatus(management + "/actuator/health/readiness", 503);
		assertThat(status(management + "/actuator/health/liveness")).as("liveness while the database is away").isEqualTo(200);

		database = startDatabase(port);
		awaitStatus(management + "/actuator/health/readiness", 200);
		assertThat(status(management + "/actuator/health/liveness")).isEqualTo(200);
	}

	@AfterEach
	void stop() throws IOException {
		if (replica != null) {
			replica.close();
		}
		if (database != null) {
			database.close();
		}
	}

	/** The same server again: same port, same data directory, as after a restart. */
	private EmbeddedPostgres startDatabase(int port) throws IOException {
		return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
	}

	private void awaitStatus(String url, int expected) {
		Flux.interval(Duration.ZERO, Duration.ofMillis(250))
				.onBackpressureDrop()
				// like the kubelet: a probe that times out counts as a failed probe, and the next one tries again
				.concatMap(tick -> Mono.fromCallable(() -> status(url)).subscribeOn(Schedulers.boundedElastic())
						.onErrorReturn(HttpTimeoutException.class, NO_ANSWER))
				.filter(status -> status == expected)
				.next()
				.timeout(PATIENCE, Mono.error(() -> new AssertionError(url + " did not answer " + expected + " within " + PATIENCE)))
				.block();
	}

	private int status(String url) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
