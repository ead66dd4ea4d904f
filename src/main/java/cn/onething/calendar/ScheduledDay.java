package cn.onething.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day listed in a holiday notice.
 *
 * @param date the day
 * @param kind off, or a 调休 working weekend day
 * @param name the holiday it belongs to, e.g. 春节, shown to staff next to a due date
 */
public record ScheduledDay(LocalDate date, DayKind kind, String name) {

	public ScheduledDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A scheduled day needs the name of its holiday: " + date);
		}
	}

	public static ScheduledDay off(LocalDate date, String name) {
		return new ScheduledDay(date, DayKind.OFF, name);
	}

	public static ScheduledDay work(LocalDate date, String name) {
		return new ScheduledDay(date, DayKind.WORK, name);
	}

	/** The weekday rule used wherever no notice says otherwise: Monday to Friday work, weekends are off. */
	static boolean isWeekday(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}
}
