package cn.onething.calendar;

/**
 * Something staff should know about the calendar's data, shown on the console, in health details and as metrics:
 * a year whose notice is not published here yet (due dates then skip only weekends and statutory holidays, without
 * its 调休 and bridging days), or a file not yet checked against its notice.
 *
 * @param kind which of the two
 * @param region where the warning applies
 * @param year the year concerned
 * @param message what it means and what to do, in Simplified Chinese for staff and content editors
 */
public record CalendarWarning(Kind kind, Region region, int year, String message) {

	public enum Kind {

		/** No file for a year that limits counted today may reach. */
		UNPUBLISHED,

		/** A file marked {@code confirmed: false}: its days are an estimate until checked against the notice. */
		UNCONFIRMED
	}
}
