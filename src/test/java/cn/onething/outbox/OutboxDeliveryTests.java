package cn.onething.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import cn.onething.outbox.internal.Claim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** Appending and delivering on a real PostgreSQL, with dispatchers wired by hand. */
class OutboxDeliveryTests {

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
	void anAppendedMessageIsDeliveredOnceWithItsPayload() {
		RecordingHandler pushes = RecordingHandler.delivering(PUSH);
		fixture.dispatcher(new Settings(), pushes);

		fixture.append(PUSH, "ApplicationSubmitted:case-1", Map.of("receiptCode", "B1", "openid", "o-1"));

		Eventually.until("the message is completed", () -> fixture.hasStatus("ApplicationSubmitted:case-1", "completed"));
		assertThat(pushes.times("ApplicationSubmitted:case-1")).isEqualTo(1);
		OutboxMessage seen = pushes.seen().get(0);
		assertThat(seen.payload().get("receiptCode").asString()).isEqualTo("B1");
		assertThat(seen.attempt()).isEqualTo(1);
		assertThat(seen.createdAt()).isEqualTo(TestClock.START);
		assertThat(fixture.row("ApplicationSubmitted:case-1").attempts()).isEqualTo(1);
		assertThat(fixture.meters.get("onething.outbox.handled").tag("kind", PUSH).tag("outcome", "delivered").counter().count())
				.isEqualTo(1);
	}

	@Test
	void hurryingAKindMakesItsMessagesWaitingOutABackoffDueNowAndLeavesOtherKindsWaiting() {
		AtomicInteger calls = new AtomicInteger();
		RecordingHandler pushes = RecordingHandler.answering(PUSH, message -> Mono.just(calls.incrementAndGet() == 1
				? Outcome.retryLater("WeChat down") : Outcome.DONE));
		RecordingHandler other = RecordingHandler.answering("other", message -> Mono.just(Outcome.retryLater("still down")));
		fixture.dispatcher(new Settings(), pushes, other);
		fixture.append(PUSH, "push-waiting", Map.of());
		fixture.append("other", "other-waiting", Map.of());
		Eventually.until("both failed once", () -> fixture.hasStatus("push-waiting", "failed")
				.zipWith(fixture.hasStatus("other-waiting", "failed"), Boolean::logicalAnd));
		assertThat(fixture.row("push-waiting").nextAttemptAt()).as("waits out its backoff on a clock that stands still")
				.isAfter(fixture.clock.instant());

		assertThat(fixture.outbox.hurry(PUSH).block()).isEqualTo(1);

		Eventually.until("the push is delivered without the clock moving", () -> fixture.hasStatus("push-waiting", "completed"));
		assertThat(fixture.row("other-waiting").status()).isEqualTo("failed");
		assertThat(other.times("other-waiting")).isEqualTo(1);
	}

	@Test
	void aSecondAppendWithTheSameDedupeKeyIsStoredOnceAndIsNotAnError() {
		fixture.append(PUSH, "StepDecided:case-1:police", Map.of("first", true));
		fixture.append(PUSH, "StepDecided:case-1:police", Map.of("first", false));

		assertThat(fixture.count("dedupe_key = 'StepDecided:case-1:police'")).isEqualTo(1);
		assertThat(fixture.db.sql("select payload->>'first' as first from outbox_message").map(row -> row.get("first", String.class))
				.one().block()).isEqualTo("true");
	}

	@Test
	void twoDispatchersDeliverEachOfTwoHundredMessagesExactlyOnce() {
		RecordingHandler first = RecordingHandler.delivering(PUSH);
		RecordingHandler second = RecordingHandler.delivering(PUSH);
		fixture.dispatcher(new Settings(), first);
		fixture.dispatcher(new Settings(), second);

		Flux.range(0, 200).flatMap(i -> fixture.outbox.append(PUSH, "push-" + i, Map.of("n", i)), 16).blockLast();

		Eventually.until("all 200 are completed", () -> fixture.count("status = 'completed'") == 200);
		List<Integer> perMessage = IntStream.range(0, 200).mapToObj(i -> first.times("push-" + i) + second.times("push-" + i)).toList();
		assertThat(perMessage).containsOnly(1);
	}

	@Test
	void aMessageWhoseClaimerCrashedIsDeliveredOnceItsLeaseRunsOut() {
		fixture.append(PUSH, "push-crashed", Map.of());
		Instant now = fixture.clock.instant();
		Claim crashed = fixture.store.claim("crashed-replica", List.of(PUSH), 1, now, now.plusSeconds(30)).blockFirst();
		RecordingHandler pushes = RecordingHandler.delivering(PUSH);
		fixture.dispatcher(new Settings(), pushes);

		// a message appended later goes through, which shows the dispatcher polled past the leased one
		fixture.append(PUSH, "push-later", Map.of());
		Eventually.until("the later message is completed", () -> fixture.hasStatus("push-later", "completed"));
		assertThat(fixture.row("push-crashed").leaseOwner()).isEqualTo("crashed-replica");
		assertThat(pushes.times("push-crashed")).isZero();

		fixture.clock.advance(Duration.ofSeconds(31));

		Eventually.until("the crashed claim is completed", () -> fixture.hasStatus("push-crashed", "completed"));
		assertThat(pushes.times("push-crashed")).isEqualTo(1);
		assertThat(fixture.row("push-crashed").attempts()).isEqualTo(2);
		assertThat(fixture.row("push-crashed").lastError()).isEqualTo("no outcome from crashed-replica before its lease ran out");
		assertThat(fixture.store.complete(crashed, fixture.clock.instant()).block())
				.as("the crashed replica, come back, cannot overwrite the outcome").isFalse();
	}

	@Test
	void aHandlerErrorCountsAsATemporaryFailureAndTheMessageIsTriedAgainLater() {
		RecordingHandler flaky = RecordingHandler.answering(PUSH, message -> message.attempt() == 1
				? Mono.error(new IllegalStateException("connection reset"))
				: Mono.just(Outcome.DONE));
		fixture.dispatcher(new Settings(), flaky);

		fixture.append(PUSH, "push-flaky", Map.of());

		Eventually.until("the first attempt failed", () -> fixture.hasStatus("push-flaky", "failed"));
		OutboxFixture.Row failed = fixture.row("push-flaky");
		assertThat(failed.lastError()).isEqualTo("IllegalStateException: connection reset");
		assertThat(failed.nextAttemptAt()).isBetween(TestClock.START, TestClock.START.plus(Duration.ofMinutes(1)));

		fixture.clock.advance(Duration.ofMinutes(1));

		Eventually.until("the second attempt delivered", () -> fixture.hasStatus("push-flaky", "completed"));
		assertThat(flaky.times("push-flaky")).isEqualTo(2);
		assertThat(fixture.meters.get("onething.outbox.handled").tag("outcome", "retried").counter().count()).isEqualTo(1);
	}

	@Test
	void aMessageThatAlwaysFailsIsDeadAfterTheRetryBudgetWithTheLastReason() {
		Settings settings = new Settings();
		RecordingHandler down = RecordingHandler.answering(PUSH, message -> Mono.just(Outcome.retryLater("errcode -1, system busy")));
		fixture.dispatcher(settings, down);

		fixture.append(PUSH, "push-doomed", Map.of());

		// each step moves time past the longest possible delay, so every scheduled retry falls due
		while (!fixture.hasStatus("push-doomed", "dead").block()) {
			int attemptsSoFar = down.times("push-doomed");
			fixture.clock.advance(settings.backoffCap());
			Eventually.until("another attempt or death", () -> fixture.rowNow("push-doomed")
					.map(row -> row.status().equals("dead") || down.times("push-doomed") > attemptsSoFar && !row.status().equals("processing")));
		}

		OutboxFixture.Row dead = fixture.row("push-doomed");
		assertThat(dead.attempts()).isEqualTo(down.times("push-doomed")).isGreaterThan(3);
		assertThat(dead.lastError()).contains("retry budget of PT1H").endsWith("last: errcode -1, system busy");
		assertThat(fixture.clock.instant()).as("the last attempt was due within the budget, and ran at most one step later")
				.isBeforeOrEqualTo(TestClock.START.plus(settings.retryBudget()).plus(settings.backoffCap()));
		assertThat(fixture.outbox.dead(10).collectList().block()).singleElement().satisfies(listed -> {
			assertThat(listed.dedupeKey()).isEqualTo("push-doomed");
			assertThat(listed.reason()).isEqualTo(dead.lastError());
			assertThat(listed.diedAt()).isEqualTo(fixture.clock.instant());
		});
		assertThat(fixture.meters.get("onething.outbox.handled").tag("outcome", "dead").counter().count()).isEqualTo(1);
		Eventually.until("the dead gauge counts it", () -> fixture.meters.get("onething.outbox.dead").gauge().value() == 1);
	}

	@Test
	void aHandlerThatGivesUpMakesTheMessageDeadAtOnce() {
		fixture.dispatcher(new Settings(), RecordingHandler.answering(PUSH, message -> Mono.just(Outcome.giveUp("43004 not following"))));

		fixture.append(PUSH, "push-unfollowed", Map.of());

		Eventually.until("the message is dead", () -> fixture.hasStatus("push-unfollowed", "dead"));
		assertThat(fixture.row("push-unfollowed").lastError()).isEqualTo("43004 not following");
		assertThat(fixture.row("push-unfollowed").attempts()).isEqualTo(1);
	}

	@Test
	void aSupervisorsRetryBringsADeadMessageBackAndItIsDelivered() {
		RecordingHandler pushes = RecordingHandler.answering(PUSH, message -> Mono.just(message.attempt() == 1
				? Outcome.giveUp("40003 invalid openid") : Outcome.DONE));
		fixture.dispatcher(new Settings(), pushes);
		fixture.append(PUSH, "push-fixed", Map.of());
		Eventually.until("the message is dead", () -> fixture.hasStatus("push-fixed", "dead"));

		assertThat(fixture.outbox.retry(fixture.idOf("push-fixed")).block()).isTrue();

		Eventually.until("the message is delivered", () -> fixture.hasStatus("push-fixed", "completed"));
		assertThat(fixture.row("push-fixed").attempts()).as("attempts kept across the resubmission").isEqualTo(2);
		assertThat(fixture.outbox.dead(10).collectList().block()).isEmpty();
		assertThat(fixture.outbox.retry(fixture.idOf("push-fixed")).block()).as("a delivered message is not resubmitted").isFalse();
	}

	@Test
	void aMessageAppendedForLaterWaitsUntilItIsDueWhileLaterAppendsDueNowGoFirst() {
		RecordingHandler pushes = RecordingHandler.delivering(PUSH);
		fixture.dispatcher(new Settings(), pushes);

		fixture.outbox.appendDueAt(PUSH, "digest", Map.of(), fixture.clock.instant().plus(Duration.ofMinutes(2))).block();
		fixture.append(PUSH, "notice", Map.of());

		Eventually.until("the message due now is delivered", () -> fixture.hasStatus("notice", "completed"));
		assertThat(fixture.row("digest").status()).as("not due yet on the dispatcher's clock").isEqualTo("published");
		assertThat(fixture.row("digest").nextAttemptAt()).isEqualTo(TestClock.START.plus(Duration.ofMinutes(2)));

		fixture.clock.advance(Duration.ofMinutes(2));

		Eventually.until("the message appended for later is delivered", () -> fixture.hasStatus("digest", "completed"));
		assertThat(pushes.times("digest")).isEqualTo(1);
	}

	@Test
	void aDueTimeAlreadyPastMeansDueAtOnce() {
		fixture.outbox.appendDueAt(PUSH, "late", Map.of(), fixture.clock.instant().minus(Duration.ofHours(1))).block();

		assertThat(fixture.row("late").nextAttemptAt()).isEqualTo(TestClock.START);
	}

	@Test
	void deadMessagesAreListedByKind() {
		fixture.dispatcher(new Settings(), RecordingHandler.answering(PUSH, message -> Mono.just(Outcome.giveUp("43004 require subscribe"))),
				RecordingHandler.answering("casework.event", message -> Mono.just(Outcome.giveUp("unreadable"))));
		fixture.append(PUSH, "push-dead", Map.of());
		fixture.append("casework.event", "news-dead", Map.of());
		Eventually.until("both are dead", () -> fixture.count("status = 'dead'") == 2);

		assertThat(fixture.outbox.dead(PUSH, 10).collectList().block()).singleElement()
				.satisfies(dead -> assertThat(dead.dedupeKey()).isEqualTo("push-dead"));
		assertThat(fixture.outbox.dead(10).collectList().block()).hasSize(2);
	}

	@Test
	void theBacklogGaugeCountsMessagesDueAndNotYetDelivered() {
		fixture.dispatcher(new Settings(), RecordingHandler.delivering("some.other.kind"));

		fixture.append(PUSH, "push-1", Map.of());
		fixture.append(PUSH, "push-2", Map.of());

		Eventually.until("the backlog gauge shows both", () -> fixture.meters.get("onething.outbox.backlog").gauge().value() == 2);
	}
}
