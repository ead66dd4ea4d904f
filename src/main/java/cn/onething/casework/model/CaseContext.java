package cn.onething.casework.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.onething.calendar.WorkingDayCalendar;

/** Who acts, when, and the working-day calendar the deadlines are counted on. */
public record CaseContext(Actor actor, Instant now, WorkingDayCalendar calendar) {

	/** Days are the hall's days: China has one time zone. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	public LocalDate today() {
		return LocalDate.ofInstant(now, CHINA);
	}
}
