package cn.onething.calendar;

/**
 * Something staff should know about the calendar's data, shown on the console and in health details: a year
 * whose holiday file is missing (due dates then follow the weekday rule and may be too early), or a file not yet
 * checked against its notice.
 *
 * @param region where the warning applies
 * @param year the year concerned
 * @param message what to do, in Simplified Chinese for staff and content editors
 */
public record CalendarWarning(Region region, int year, String message) {
}
