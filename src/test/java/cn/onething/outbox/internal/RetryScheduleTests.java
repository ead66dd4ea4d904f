package cn.onething.outbox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	static final Duration BASE = Duration.ofSeconds(10);
	static final Duration CAP = Duration.ofHours(1);
	static final Duration BUDGET = Duration.ofHours(24);
	static final Instant APPENDED = Instant.parse("2025-03-03T01:00:00Z");

	static RetrySchedule seeded(long seed) {
		return new RetrySchedule(BASE, CAP, BUDGET, new Random(seed));
	}

	@Test
	void theBoundDoublesWithEveryAttemptFromTheBaseUntilItReachesTheCap() {
		RetrySchedule schedule = seeded(1);

		List<Duration> bounds = IntStream.rangeClosed(1, 12).mapToObj(schedule::bound).toList();

		assertThat(bounds).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
				Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofSeconds(320), Duration.ofSeconds(640),
				Duration.ofSeconds(1280), Duration.ofSeconds(2560), CAP, CAP, CAP);
	}

	@Test
	void aVeryLateAttemptStaysAtTheCapWithoutOverflowing() {
		assertThat(seeded(1).bound(Integer.MAX_VALUE)).isEqualTo(CAP);
		assertThat(seeded(1).bound(64)).isEqualTo(CAP);
	}

	@Test
	void everyDelayLiesAfterZeroAndWithinTheBoundOfItsAttempt() {
		RetrySchedule schedule = seeded(42);

		IntStream.rangeClosed(1, 20).forEach(attempt -> IntStream.range(0, 500).forEach(i ->
				assertThat(schedule.delay(attempt)).isBetween(Duration.ofMillis(1), schedule.bound(attempt))));
	}

	@Test
	void theSmallestDrawStillWaitsAMillisecondSoARetryIsNeverDueAtTheInstantItFailed() {
		RetrySchedule lowest = new RetrySchedule(BASE, CAP, BUDGET, () -> 0L);

		assertThat(lowest.delay(1)).isEqualTo(Duration.ofMillis(1));
		assertThat(lowest.next(1, APPENDED, APPENDED)).hasValueSatisfying(next -> assertThat(next).isAfter(APPENDED));
	}

	@Test
	void fullJitterSpreadsDelaysOverTheWholeWindowSoRetriesDoNotArriveTogether() {
		RetrySchedule schedule = seeded(42);
		long bound = schedule.bound(9).toMillis();

		long[] delays = LongStream.range(0, 1000).map(i -> schedule.delay(9).toMillis()).sorted().toArray();

		assertThat(delays[0]).isLessThan(bound / 20);
		assertThat(delays[delays.length - 1]).isGreaterThan(bound - bound / 20);
		assertThat(delays[delays.length / 2]).isBetween(bound * 4 / 10, bound * 6 / 10);
	}

	@Test
	void theSameSeedGivesTheSameSchedule() {
		List<Duration> first = IntStream.rangeClosed(1, 15).mapToObj(seeded(7)::delay).toList();
		List<Duration> again = IntStream.rangeClosed(1, 15).mapToObj(seeded(7)::delay).toList();

		assertThat(first).isEqualTo(again);
	}

	@Test
	void aRetryIsScheduledWhileItFallsWithinTheBudgetAndNotAfter() {
		RetrySchedule schedule = seeded(3);

		assertThat(schedule.next(1, APPENDED, APPENDED)).hasValueSatisfying(next ->
				assertThat(next).isBetween(APPENDED, APPENDED.plus(BASE)));
		assertThat(schedule.next(30, APPENDED, APPENDED.plus(BUDGET))).isEmpty();
		assertThat(schedule.next(30, APPENDED, APPENDED.plus(BUDGET).minus(CAP).minusSeconds(1))).isPresent();
	}

	@Test
	void aResubmittedMessageGetsAFreshBudgetFromItsResubmission() {
		RetrySchedule schedule = seeded(3);
		Instant resubmitted = APPENDED.plus(Duration.ofDays(3));

		assertThat(schedule.next(40, resubmitted, resubmitted.plusSeconds(1))).isPresent();
	}
}
