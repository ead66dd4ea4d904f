package cn.onething.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days checked by hand against the State Council's notices for 2025 and 2026 (the shipped files), Guangxi's
 * 壮族三月三, and for 2027, whose notice is not published here, against the holiday law alone: 元旦 (Fri 01-01),
 * 春节 from 除夕 (Fri 02-05) to 初三 (Mon 02-08), 清明 (Mon 04-05), 劳动节 (Sat 05-01, Sun 05-02), 端午 (Wed 06-09),
 * 中秋 (Wed 09-15), 国庆 (Fri 10-01 to Sun 10-03), 三月三 in Guangxi (Fri 04-09, Sat 04-10). Without the notice, no
 * 补假 weekday is derived for 2027's weekend holidays, so 02-09 and 10-04 stay working days until the file is added.
 * Region {@code 45} is Guangxi, {@code national} the rest of the country.
 */
class HandCheckedDaysTests {

	@ParameterizedTest(name = "{0} in {1}: working day {2} ({3})")
	@CsvSource(delimiter = '|', value = {
		"2025-01-01 | national | false | 元旦",
		"2025-01-26 | national | true  | 调休 Sunday before 春节",
		"2025-01-27 | national | true  | Monday before 除夕",
		"2025-01-28 | national | false | 除夕",
		"2025-02-04 | national | false | Tuesday, last day of the 春节 break",
		"2025-02-05 | national | true  | after the break",
		"2025-02-08 | national | true  | 调休 Saturday after 春节",
		"2025-03-31 | 45       | false | 三月初三 in Guangxi",
		"2025-03-31 | national | true  | 三月初三 is no holiday elsewhere",
		"2025-04-01 | 45       | false | 三月初四 in Guangxi",
		"2025-04-04 | national | false | 清明",
		"2025-04-27 | national | true  | 调休 Sunday before 劳动节",
		"2025-05-05 | national | false | Monday in the 劳动节 break",
		"2025-06-02 | national | false | Monday bridging 端午",
		"2025-09-28 | national | true  | 调休 Sunday before 国庆",
		"2025-10-08 | national | false | last day of 国庆 and 中秋",
		"2025-10-11 | national | true  | 调休 Saturday after 国庆",
		"2026-01-02 | national | false | Friday bridging 元旦",
		"2026-01-04 | national | true  | 调休 Sunday after 元旦",
		"2026-02-14 | national | true  | 调休 Saturday before 春节",
		"2026-02-23 | national | false | Monday, last day of the 春节 break",
		"2026-02-24 | national | true  | after the break",
		"2026-02-28 | national | true  | 调休 Saturday after 春节",
		"2026-04-06 | national | false | Monday bridging 清明",
		"2026-04-19 | 45       | false | 三月初三, a Sunday",
		"2026-04-20 | 45       | false | 三月初四 in Guangxi",
		"2026-04-20 | national | true  | 三月初四 elsewhere",
		"2026-05-09 | national | true  | 调休 Saturday after 劳动节",
		"2026-09-20 | national | true  | 调休 Sunday before 国庆",
		"2026-10-07 | national | false | last day of 国庆",
		"2026-10-10 | national | true  | 调休 Saturday after 国庆",
		"2027-01-01 | national | false | 元旦 by law, no notice yet",
		"2027-01-04 | national | true  | Monday after 元旦",
		"2027-02-04 | national | true  | Thursday before 除夕",
		"2027-02-05 | national | false | 除夕 by law",
		"2027-02-08 | national | false | 初三 by law",
		"2027-02-09 | national | true  | no 补假 before the notice",
		"2027-04-05 | national | false | 清明 by law",
		"2027-04-09 | 45       | false | 三月初三 by Guangxi's law",
		"2027-04-09 | national | true  | 三月初三 is no holiday elsewhere",
		"2027-06-09 | national | false | 端午 by law",
		"2027-09-15 | national | false | 中秋 by law",
		"2027-10-01 | national | false | 国庆 by law",
		"2027-10-04 | national | true  | no 补假 before the notice",
	})
	void whetherADayIsAWorkingDay(String date, String region, boolean working, String why) {
		assertThat(SHIPPED.isWorkingDay(day(date), Region.of(region))).as(why).isEqualTo(working);
	}

	@ParameterizedTest(name = "{0} + {1} working days in {2} = {3} ({4})")
	@CsvSource(delimiter = '|', value = {
		"2026-12-31 |  1 | national | 2027-01-04 | over 元旦 2027 and a weekend",
		"2026-12-25 |  5 | national | 2027-01-04 | four days of 2026, then over 元旦",
		"2026-12-07 | 20 | national | 2027-01-05 | a 20-working-day limit accepted today",
		"2026-12-31 | 30 | national | 2027-02-16 | over 元旦 and the four days of 春节 2027",
		"2027-02-01 |  5 | national | 2027-02-10 | 除夕 to 初三 skipped",
		"2027-02-04 |  1 | national | 2027-02-09 | from the day before 除夕",
		"2027-04-08 |  1 | 45       | 2027-04-12 | over 三月三 and a weekend in Guangxi",
		"2027-04-08 |  1 | national | 2027-04-09 | 三月三 counts elsewhere",
		"2027-09-30 |  1 | national | 2027-10-04 | over 国庆 2027",
		"2027-09-29 |  3 | national | 2027-10-05 | into the week after 国庆 2027",
		"2025-09-26 |  1 | national | 2025-09-28 | onto the 调休 Sunday",
		"2025-01-24 |  2 | national | 2025-01-27 | the 调休 Sunday counts",
		"2025-03-28 |  2 | 45       | 2025-04-03 | over 三月三 2025 in Guangxi",
		"2026-04-17 |  1 | 45       | 2026-04-21 | over the weekend and 三月初四 2026",
		"2026-04-17 |  1 | national | 2026-04-20 | only the weekend elsewhere",
		"2026-02-13 |  2 | national | 2026-02-24 | the 调休 Saturday, then over 春节",
		"2026-10-09 |  1 | national | 2026-10-10 | onto the 调休 Saturday",
	})
	void whenALimitEnds(String start, int workingDays, String region, String end, String why) {
		assertThat(SHIPPED.addWorkingDays(day(start), workingDays, Region.of(region))).as(why).isEqualTo(day(end));
	}
}
