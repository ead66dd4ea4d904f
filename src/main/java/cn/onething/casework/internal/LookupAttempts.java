package cn.onething.casework.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Wrong phone digits given for one receipt code, and the lock they earned. Four digits are only 10,000 guesses, so
 * every {@code maxFailures} wrong ones lock the code, first for {@code firstLock}, then twice as long each time up to
 * a day: about 35 guesses on the first day and a handful a day after, while an applicant who mistypes twice loses
 * nothing. Mistakes are forgotten a day after the last one (or after the last lock ended).
 *
 * @param lockedUntil null when never locked
 */
public record LookupAttempts(int failures, int locks, Instant lastFailureAt, Instant lockedUntil) {

	public static final Duration FORGET_AFTER = Duration.ofDays(1);
	static final Duration LONGEST_LOCK = Duration.ofDays(1);

	public static LookupAttempts none() {
		return new LookupAttempts(0, 0, null, null);
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	/** Another wrong answer at {@code now}. */
	public LookupAttempts afterFailure(Instant now, int maxFailures, Duration firstLock) {
		LookupAttempts current = forgottenBy(now) ? none() : this;
		int failures = current.failures + 1;
		if (failures < maxFailures) {
			return new LookupAttempts(failures, current.locks, now, current.lockedUntil);
		}
		return new LookupAttempts(0, current.locks + 1, now, now.plus(lockFor(current.locks, firstLock)));
	}

	private boolean forgottenBy(Instant now) {
		if (lastFailureAt == null) {
			return true;
		}
		Instant lastEvent = lockedUntil != null && lockedUntil.isAfter(lastFailureAt) ? lockedUntil : lastFailureAt;
		return !now.isBefore(lastEvent.plus(FORGET_AFTER));
	}

	private static Duration lockFor(int earlierLocks, Duration firstLock) {
		Duration lock = firstLock;
		for (int i = 0; i < earlierLocks && lock.compareTo(LONGEST_LOCK) < 0; i++) {
			lock = lock.multipliedBy(2);
		}
		return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
	}
}
