package cn.onething.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A replica's clock that a test moves forward, so cached answers fall due without waiting. Starts at the real time;
 * a copy in another zone (the calendar reads China's date) moves with it.
 */
final class MovableClock extends Clock {

	private final AtomicReference<Instant> now;
	private final ZoneId zone;

	MovableClock() {
		this(new AtomicReference<>(Instant.now()), ZoneOffset.UTC);
	}

	private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	void advance(Duration duration) {
		now.updateAndGet(instant -> instant.plus(duration));
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MovableClock(now, zone);
	}
}
