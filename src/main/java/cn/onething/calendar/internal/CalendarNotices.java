package cn.onething.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import cn.onething.calendar.CalendarWarning;
import cn.onething.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * Today's calendar warnings, for the staff console's banner (the staff layout reads this bean as
 * {@code @calendarNotices}), the health details and the metrics, so all three say the same thing. Pure
 * computation on the calendar held in memory: nothing here blocks.
 */
@Component("calendarNotices")
public class CalendarNotices {

	/** Holidays and working days are those of China, whatever zone the server runs in. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final WorkingDayCalendar calendar;
	private final Clock clock;

	CalendarNotices(WorkingDayCalendar calendar, Optional<Clock> clock) {
		this.calendar = calendar;
		this.clock = clock.orElse(Clock.systemUTC()).withZone(CHINA);
	}

	public List<CalendarWarning> current() {
		return calendar.warnings(LocalDate.now(clock));
	}

	WorkingDayCalendar calendar() {
		return calendar;
	}
}
