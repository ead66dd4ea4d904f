package cn.onething.calendar;

import java.nio.file.Path;
import java.time.LocalDate;

/** The holiday files this project ships (guides/calendar), read once, and the regions the scenarios use. */
final class CalendarFixture {

	static final Path SHIPPED_FOLDER = Path.of("guides", "calendar");

	static final WorkingDayCalendar SHIPPED = HolidayFiles.load(SHIPPED_FOLDER);

	/** A county of Chongzuo, Guangxi: sees the Guangxi overlay through its division code. */
	static final Region GUANGXI_COUNTY = Region.of("451421");

	/** A district of Shenzhen, Guangdong: national days only. */
	static final Region GUANGDONG_DISTRICT = Region.of("440304");

	private CalendarFixture() {
	}

	static LocalDate day(String isoDate) {
		return LocalDate.parse(isoDate);
	}
}
