package cn.onething.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A replica's clock that a test moves forward, so cached answers fall due without waiting. Starts at the real time. */
final class MovableClock extends Clock {

	private volatile Instant now = Instant.now();

	void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("identity reads instants only");
	}
}
