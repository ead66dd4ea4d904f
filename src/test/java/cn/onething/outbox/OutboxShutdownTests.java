package cn.onething.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import cn.onething.outbox.internal.OutboxDispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** A replica going away: what it was handling is finished, what it had not started is left for the others. */
class OutboxShutdownTests {

	static final String PUSH = "notification.push";
	static final OutboxFixture fixture = OutboxFixture.onFreshDatabase();

	@BeforeEach
	void emptyOutbox() {
		fixture.reset();
	}

	@AfterAll
	static void closeDatabase() {
		fixture.close();
	}

	@Test
	void stoppingLetsRunningHandlersFinishAndClaimsNothingMore() throws Exception {
		Sinks.Empty<Void> gate = Sinks.empty();
		RecordingHandler slow = RecordingHandler.answering(PUSH, message -> gate.asMono().thenReturn(Outcome.DONE));
		OutboxDispatcher dispatcher = fixture.dispatcher(new Settings().concurrency(2), slow);
		IntStream.range(0, 5).forEach(i -> fixture.append(PUSH, "push-" + i, Map.of()));
		Eventually.until("two handlers run", () -> slow.seen().size() == 2);

		CompletableFuture<Void> stopped = dispatcher.shutdown().toFuture();
		gate.tryEmitEmpty();
		stopped.get(10, TimeUnit.SECONDS);

		assertThat(fixture.count("status = 'completed'")).isEqualTo(2);
		assertThat(fixture.count("status = 'published' and lease_owner is null and attempts = 0")).isEqualTo(3);
		assertThat(slow.seen()).hasSize(2);

		RecordingHandler next = RecordingHandler.delivering(PUSH);
		fixture.dispatcher(new Settings(), next);
		Eventually.until("another replica delivers the rest", () -> fixture.count("status = 'completed'") == 5);
		assertThat(next.deliveries()).hasSize(3);
	}

	@Test
	void stoppingWaitsOnlySoLongForAHandlerThatNeverFinishes() {
		OutboxDispatcher dispatcher = fixture.dispatcher(new Settings().shutdownWait(Duration.ofMillis(200)),
				RecordingHandler.answering(PUSH, message -> Mono.never()));
		fixture.append(PUSH, "push-stuck", Map.of());
		Eventually.until("the handler runs", () -> fixture.hasStatus("push-stuck", "processing"));

		StepVerifier.create(dispatcher.shutdown()).expectComplete().verify(Duration.ofSeconds(5));

		assertThat(fixture.row("push-stuck").status()).as("left to run out its lease").isEqualTo("processing");
	}

	@Test
	void rowsClaimedButNotStartedAreHandedBackDueAtOnceWithTheirAttemptTakenBack() {
		IntStream.range(0, 3).forEach(i -> fixture.append(PUSH, "push-" + i, Map.of()));
		Instant now = fixture.clock.instant();
		fixture.store.claim("stopping-replica", List.of(PUSH), 3, now, now.plusSeconds(120)).blockLast();

		long released = fixture.store.release("stopping-replica", List.of(fixture.idOf("push-0"))).block();

		assertThat(released).isEqualTo(2);
		assertThat(fixture.row("push-0").status()).isEqualTo("processing");
		assertThat(List.of(fixture.row("push-1"), fixture.row("push-2"))).allSatisfy(row -> {
			assertThat(row.status()).isEqualTo("published");
			assertThat(row.attempts()).isZero();
			assertThat(row.leaseOwner()).isNull();
		});
	}
}
