package cn.onething.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One year of days off for one region, as one holiday notice publishes it: the State Council's
 * 国务院办公厅关于YYYY年部分节假日安排的通知 for the nation, or a regional government's notice for an overlay such
 * as Guangxi's 壮族三月三.
 *
 * @param region the nation or the division the notice applies to
 * @param regionName a name for messages, e.g. 全国 or 广西壮族自治区
 * @param year the year the notice is for
 * @param notice the notice's title
 * @param source the address of the notice; may be null while the file is not confirmed
 * @param confirmed whether an editor checked every day against the published notice
 * @param days every day the notice lists, in any order
 */
public record HolidaySchedule(Region region, String regionName, int year, String notice, String source,
		boolean confirmed, List<ScheduledDay> days) {

	public HolidaySchedule {
		Objects.requireNonNull(region, "region");
		Objects.requireNonNull(regionName, "regionName");
		days = List.copyOf(days);
		Set<LocalDate> seen = new HashSet<>();
		for (ScheduledDay day : days) {
			if (day.date().getYear() != year) {
				throw new IllegalArgumentException("The " + year + " schedule lists a day of another year: " + day.date());
			}
			if (!seen.add(day.date())) {
				throw new IllegalArgumentException("The " + year + " schedule lists a day twice: " + day.date());
			}
			if (day.kind() == DayKind.WORK && ScheduledDay.isWeekday(day.date())) {
				throw new IllegalArgumentException("Only a weekend day can be a 调休 working day: " + day.date());
			}
		}
	}
}
