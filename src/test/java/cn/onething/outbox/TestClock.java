package cn.onething.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it, so retries and leases fall due without waiting. */
final class TestClock extends Clock {

	static final Instant START = Instant.parse("2025-03-03T01:00:00Z");

	private volatile Instant now = START;

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
		throw new UnsupportedOperationException("the outbox reads instants only");
	}
}
