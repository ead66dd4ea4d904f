package cn.onething.deploy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.function.Tuple2;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas on one real PostgreSQL, as Kubernetes runs them: they start at the same moment on an empty database
 * (Flyway's lock lets one migrate), and their scheduled deadline checks run at the same moment over the same open
 * cases (the per-case row lock lets one handle each case). Every case is deemed accepted exactly once.
 */
class MultipleReplicasTests {

	static final int CASES = 40;
	static final byte[] PDF = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
	static final Actor WINDOW = new Actor(Actor.Kind.WINDOW, "w1", "窗口一");
	static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

	private ConfigurableApplicationContext first;
	private ConfigurableApplicationContext second;

	@Test
	void twoReplicasStartingTogetherOnAnEmptyDatabaseMigrateItOnce() {
		startTwoReplicasAtOnce();
		DatabaseClient db = first.getBean(DatabaseClient.class);

		List<Map<String, Object>> history = db.sql("select version, success from flyway_schema_history where version is not null")
				.fetch().all().collectList().block();
		assertThat(history).isNotEmpty().allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
		assertThat(history).extracting(row -> row.get("version")).doesNotHaveDuplicates();
	}

	@Test
	void deadlineChecksRunningOnTwoReplicasAtOnceAcceptEachOverdueCaseExactlyOnce() {
		startTwoReplicasAtOnce();
		Casework casework = first.getBean(Casework.class);
		DatabaseClient db = first.getBean(DatabaseClient.class);
		Flux.range(0, CASES).concatMap(i -> casework.submit(TermsFixture.parallelTerms(),
						new Applicant("张三", "45142119900101123X", "13812345678"), Map.of("applicant.name", "张三"),
						Map.of("000707001000", 1), List.of(new Upload("birth-certificate", "出生证明.pdf", PDF)), WINDOW))
				.then().block();
		// 行政许可法 §32(4): received long ago without a one-time notice, so every case is now deemed accepted
		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"')").then().block();

		Tuple2<Long, Long> changed = Mono.zip(
						first.getBean(Casework.class).checkDeadlines().subscribeOn(Schedulers.parallel()),
						second.getBean(Casework.class).checkDeadlines().subscribeOn(Schedulers.parallel()))
				.block();

		Map<Object, Long> acceptedPerCase = db.sql("""
						select application_id, count(*) as accepted from casework_event
						where kind = 'ApplicationAccepted' group by application_id
						""").fetch().all()
				.collectMap(row -> row.get("application_id"), row -> ((Number) row.get("accepted")).longValue()).block();
		assertThat(acceptedPerCase).hasSize(CASES).allSatisfy((id, accepted) -> assertThat(accepted).as("case " + id).isEqualTo(1));
		assertThat(changed.getT1() + changed.getT2()).as("cases changed by the two replicas together").isEqualTo(CASES);
		assertThat(second.getBean(Casework.class).checkDeadlines().block()).as("a later check changes nothing").isZero();
	}

	private void startTwoReplicasAtOnce() {
		Map<String, String> settings = Replica.onFreshDatabase();
		// Two pods are two JVMs; in one JVM, Spring Boot's logging set-up is not made to run twice at once.
		String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
		try {
			CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> Replica.start(settings));
			CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> Replica.start(settings));
			first = a.join();
			second = b.join();
		}
		finally {
			if (loggingSystem == null) {
				System.clearProperty(LOGGING_SYSTEM);
			}
			else {
				System.setProperty(LOGGING_SYSTEM, loggingSystem);
			}
		}
	}

	@AfterEach
	void stop() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}
}
