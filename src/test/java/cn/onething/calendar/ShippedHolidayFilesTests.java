package cn.onething.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.onething.shared.yaml.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.onething.calendar.CalendarFixture.GUANGXI_COUNTY;
import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.SHIPPED_FOLDER;
import static cn.onething.calendar.CalendarFixture.day;
import static cn.onething.calendar.Region.NATIONAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files in guides/calendar, checked against the State Council's schedule as the domain research lists it
 * (docs/legal.md §5.4, from holiday-cn: MM-DD, {@code *} = 调休 working day, {@code a..b} = every
 * day from a to b). Content editors run this class to check their edits (guides/calendar/README.md).
 */
class ShippedHolidayFilesTests {

	@Test
	void theShippedFilesHaveNoProblems() {
		HolidayFiles.Result read = HolidayFiles.read(SHIPPED_FOLDER);

		assertThat(read.problems()).as(read.problems().stream().map(Problem::toString)
				.collect(Collectors.joining("\n", "\n", "\n"))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
		"2025|01-01 01-26* 01-28..02-04 02-08* 04-04..04-06 04-27* 05-01..05-05 05-31..06-02 09-28* 10-01..10-08 10-11*",
		"2026|01-01..01-03 01-04* 02-14* 02-15..02-23 02-28* 04-04..04-06 05-01..05-05 05-09* 06-19..06-21 09-20* 09-25..09-27 10-01..10-07 10-10*"
	})
	void theNationalDaysAreExactlyTheStateCouncilSchedule(int year, String compact) {
		HolidaySchedule schedule = HolidayFiles.read(SHIPPED_FOLDER).schedules().stream()
				.filter(s -> s.region().isNational() && s.year() == year).findFirst().orElseThrow();

		Map<LocalDate, DayKind> shipped = new TreeMap<>(schedule.days().stream()
				.collect(Collectors.toMap(ScheduledDay::date, ScheduledDay::kind)));
		assertThat(shipped).isEqualTo(expand(year, compact));
		assertThat(schedule.source()).startsWith("https://www.gov.cn/zhengce/zhengceku/");
		assertThat(schedule.confirmed()).isTrue();
	}

	@Test
	void in2026TheMakeUpSaturdaysWorkAndNationalDayIsOff() {
		assertThat(SHIPPED.isWorkingDay(day("2026-02-14"), NATIONAL)).isTrue();
		assertThat(SHIPPED.isWorkingDay(day("2026-02-28"), NATIONAL)).isTrue();
		for (LocalDate d = day("2026-10-01"); !d.isAfter(day("2026-10-07")); d = d.plusDays(1)) {
			assertThat(SHIPPED.isWorkingDay(d, NATIONAL)).as("%s", d).isFalse();
			assertThat(SHIPPED.scheduledDay(d, NATIONAL)).map(ScheduledDay::name).hasValue("国庆节");
		}
		assertThat(SHIPPED.isWorkingDay(day("2026-10-08"), NATIONAL)).isTrue();
	}

	@Test
	void theZhuangMarchThirdFallsOnTheThirdAndFourthOfTheThirdLunarMonth() {
		// 农历三月初三、初四: 2025-03-31/04-01; 2026-04-19 (a Sunday) and 04-20 (new moon of 三月 on 2026-04-17).
		assertThat(offDaysInGuangxiOnly(2025)).containsExactly(day("2025-03-31"), day("2025-04-01"));
		assertThat(offDaysInGuangxiOnly(2026)).containsExactly(day("2026-04-20"));
		assertThat(SHIPPED.scheduledDay(day("2026-04-19"), GUANGXI_COUNTY)).map(ScheduledDay::name).hasValue("壮族三月三");
	}

	/** Days off in Guangxi that are working days nationally. */
	private static java.util.List<LocalDate> offDaysInGuangxiOnly(int year) {
		return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
				.filter(d -> SHIPPED.isWorkingDay(d, NATIONAL) && !SHIPPED.isWorkingDay(d, GUANGXI_COUNTY))
				.toList();
	}

	private static Map<LocalDate, DayKind> expand(int year, String compact) {
		Map<LocalDate, DayKind> days = new TreeMap<>();
		for (String token : compact.trim().split("\\s+")) {
			if (token.endsWith("*")) {
				days.put(LocalDate.parse(year + "-" + token.substring(0, token.length() - 1)), DayKind.WORK);
				continue;
			}
			String[] range = token.split("\\.\\.");
			LocalDate from = LocalDate.parse(year + "-" + range[0]);
			LocalDate to = LocalDate.parse(year + "-" + range[range.length - 1]);
			from.datesUntil(to.plusDays(1)).forEach(d -> days.put(d, DayKind.OFF));
		}
		return days;
	}
}
