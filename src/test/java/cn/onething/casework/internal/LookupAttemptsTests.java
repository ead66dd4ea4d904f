package cn.onething.casework.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle on phone digits per receipt code, as plain rules. */
class LookupAttemptsTests {

	static final Instant NOON = Instant.parse("2026-03-02T04:00:00Z");
	static final Duration FIRST_LOCK = Duration.ofMinutes(15);

	@Test
	void fiveWrongAnswersInARowLockTheCodeForAQuarterOfAnHour() {
		LookupAttempts attempts = wrong(LookupAttempts.none(), 4, NOON);
		assertThat(attempts.lockedAt(NOON)).isFalse();

		attempts = attempts.afterFailure(NOON, 5, FIRST_LOCK);

		assertThat(attempts.lockedAt(NOON)).isTrue();
		assertThat(attempts.lockedUntil()).isEqualTo(NOON.plus(FIRST_LOCK));
		assertThat(attempts.lockedAt(NOON.plus(FIRST_LOCK))).isFalse();
	}

	@Test
	void eachFurtherLockLastsTwiceAsLongUpToADay() {
		LookupAttempts attempts = LookupAttempts.none();
		Instant now = NOON;
		Duration expected = FIRST_LOCK;
		for (int lock = 0; lock < 10; lock++) {
			attempts = wrong(attempts, 5, now);
			assertThat(Duration.between(now, attempts.lockedUntil())).as("lock %d", lock + 1).isEqualTo(expected);
			now = attempts.lockedUntil();
			expected = expected.multipliedBy(2).compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : expected.multipliedBy(2);
		}
	}

	@Test
	void mistakesAreForgottenADayAfterTheLastOne() {
		LookupAttempts attempts = wrong(LookupAttempts.none(), 4, NOON);

		LookupAttempts nextDay = attempts.afterFailure(NOON.plus(Duration.ofDays(1)), 5, FIRST_LOCK);

		assertThat(nextDay.failures()).isEqualTo(1);
		assertThat(nextDay.lockedAt(NOON.plus(Duration.ofDays(1)))).isFalse();
	}

	@Test
	void aDayLongLockIsNotForgottenTheMomentItEnds() {
		LookupAttempts attempts = LookupAttempts.none();
		Instant now = NOON;
		for (int lock = 0; lock < 8; lock++) {
			attempts = wrong(attempts, 5, now);
			now = attempts.lockedUntil();
		}
		assertThat(Duration.between(attempts.lastFailureAt(), attempts.lockedUntil())).isEqualTo(Duration.ofDays(1));

		LookupAttempts afterTheLock = wrong(attempts, 5, attempts.lockedUntil());

		assertThat(afterTheLock.locks()).as("the next lock is as long, not back to a quarter of an hour").isEqualTo(9);
		assertThat(Duration.between(attempts.lockedUntil(), afterTheLock.lockedUntil())).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void aYearOfGuessingTriesOnlyAFractionOfTheTenThousandEndings() {
		Random random = new Random(20260302);
		LookupAttempts attempts = LookupAttempts.none();
		Instant now = NOON;
		int guesses = 0;
		while (now.isBefore(NOON.plus(Duration.ofDays(365)))) {
			if (attempts.lockedAt(now)) {
				now = attempts.lockedUntil();
				continue;
			}
			attempts = attempts.afterFailure(now, 5, FIRST_LOCK);
			guesses++;
			now = now.plusSeconds(1 + random.nextInt(5));
		}
		assertThat(guesses).as("guesses a determined attacker gets in a year").isLessThan(2_500);
	}

	private static LookupAttempts wrong(LookupAttempts attempts, int times, Instant at) {
		for (int i = 0; i < times; i++) {
			attempts = attempts.afterFailure(at, 5, FIRST_LOCK);
		}
		return attempts;
	}
}
