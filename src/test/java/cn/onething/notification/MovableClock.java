package cn.onething.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock for tests that must let minutes pass: it stands at the moment it was made until a test moves
 * it, so the outbox's retries fall due only then.
 */
public final class MovableClock extends Clock {

	private volatile Instant now = Instant.now();

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	/** Sets the moment, for tests about particular days (a holiday, a year's end). */
	public void moveTo(Instant moment) {
		now = moment;
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** The same moving time, read in another zone (the casework deadlines use China's). */
	@Override
	public Clock withZone(ZoneId zone) {
		MovableClock outer = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return outer.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return outer.withZone(other);
			}
		};
	}

	/** Makes it the service's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class AsTheServicesClock {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}
	}
}
