package cn.onething.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import cn.onething.casework.model.CaseContext;

/**
 * The service's clock in a test: stands still at 10:00 in the hall on a given day until the test turns it to another
 * day, so deadlines fall due without waiting. Registered as the context's {@link Clock} bean.
 */
public final class HallClock extends Clock {

	private volatile Instant now;

	public HallClock(LocalDate day) {
		turnTo(day);
	}

	public void turnTo(LocalDate day) {
		now = ZonedDateTime.of(day, LocalTime.of(10, 0), CaseContext.CHINA).toInstant();
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return CaseContext.CHINA;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now, zone);
	}
}
