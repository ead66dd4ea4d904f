package cn.onething.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.SHIPPED_FOLDER;
import static cn.onething.calendar.CalendarFixture.day;
import static org.assertj.core.api.Assertions.assertThat;

/** The holidays derived from the laws, against the published notices and against known lunar and solar dates. */
class HolidayLawTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = {2025, 2026})
	void everyStatutoryDayIsADayOffInThePublishedNationalNotice(int year) {
		Map<LocalDate, ScheduledDay> published = publishedDays(Region.NATIONAL, year);

		List<ScheduledDay> statutory = HolidayLaw.NATIONAL.daysIn(year);
		assertThat(statutory).hasSize(13);
		assertThat(statutory).allSatisfy(day -> assertThat(published.get(day.date()))
				.as("%s %s in national-%d.yaml", day.name(), day.date(), year)
				.isNotNull().extracting(ScheduledDay::kind).isEqualTo(DayKind.OFF));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = {2025, 2026})
	void theZhuangMarchThirdByLawIsTheDaysOfThePublishedGuangxiFile(int year) {
		assertThat(HolidayLaw.GUANGXI_ZHUANG_MARCH_THIRD.daysIn(year).stream().map(ScheduledDay::date))
				.containsExactlyElementsOf(publishedDays(Region.GUANGXI, year).keySet().stream().sorted().toList());
	}

	@Test
	void the2027StatutoryDaysFollowTheLawAsAmendedIn2024() {
		assertThat(HolidayLaw.NATIONAL.daysIn(2027)).extracting(ScheduledDay::date).containsExactly(
				day("2027-01-01"),
				day("2027-02-05"), day("2027-02-06"), day("2027-02-07"), day("2027-02-08"),
				day("2027-04-05"),
				day("2027-05-01"), day("2027-05-02"),
				day("2027-06-09"),
				day("2027-09-15"),
				day("2027-10-01"), day("2027-10-02"), day("2027-10-03"));
	}

	@ParameterizedTest(name = "{0}: 春节 {1}")
	@CsvSource({
		"2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
		"2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
		"2030, 2030-02-03"
	})
	void springFestivalIsTheFirstDayOfTheFirstLunarMonth(int year, LocalDate springFestival) {
		// 2027 and 2030 begin with a new moon minutes before midnight in Beijing, which ICU alone puts a day late.
		assertThat(LunarDates.of(year, 1, 1)).isEqualTo(springFestival);
		assertThat(LunarDates.newYearsEve(year)).isEqualTo(springFestival.minusDays(1));
	}

	@ParameterizedTest(name = "{0}: 清明 {1}")
	@CsvSource({
		"2020, 2020-04-04", "2021, 2021-04-04", "2022, 2022-04-05", "2023, 2023-04-05", "2024, 2024-04-04",
		"2025, 2025-04-04", "2026, 2026-04-05", "2027, 2027-04-05", "2028, 2028-04-04", "2029, 2029-04-04",
		"2030, 2030-04-05"
	})
	void qingmingIsTheDayOfTheSolarTerm(int year, LocalDate qingming) {
		assertThat(LunarDates.qingming(year)).isEqualTo(qingming);
	}

	@ParameterizedTest(name = "{0}: 三月初三 {1}")
	@CsvSource({ "2017, 2017-03-30", "2023, 2023-04-22", "2025, 2025-03-31", "2026, 2026-04-19", "2027, 2027-04-09" })
	void theZhuangMarchThirdIsTheThirdDayOfTheThirdLunarMonth(int year, LocalDate third) {
		// 2017 and 2023 as the Guangxi notices of those years gave them.
		assertThat(HolidayLaw.GUANGXI_ZHUANG_MARCH_THIRD.daysIn(year)).extracting(ScheduledDay::date)
				.containsExactly(third, third.plusDays(1));
	}

	@Test
	void lunarFestivalsAfterALeapMonthKeepTheirMonth() {
		// 2025 had a leap sixth month (闰六月): 中秋 (八月十五) is 10-06, not a month earlier.
		assertThat(LunarDates.of(2025, 8, 15)).isEqualTo(day("2025-10-06"));
		assertThat(LunarDates.of(2025, 5, 5)).isEqualTo(day("2025-05-31"));
		assertThat(LunarDates.of(2026, 8, 15)).isEqualTo(day("2026-09-25"));
	}

	@Test
	void noStatutoryDayIsDerivedBeforeTheLawWasInForce() {
		assertThat(HolidayLaw.NATIONAL.daysIn(2024)).isEmpty();
		// 国庆 2024 was a Tuesday: earlier years count only by their files, and none is shipped for 2024.
		assertThat(SHIPPED.isWorkingDay(day("2024-10-01"), Region.NATIONAL)).isTrue();
	}

	private static Map<LocalDate, ScheduledDay> publishedDays(Region region, int year) {
		return HolidayFiles.read(SHIPPED_FOLDER).schedules().stream()
				.filter(s -> s.region().equals(region) && s.year() == year).findFirst().orElseThrow()
				.days().stream().collect(Collectors.toMap(ScheduledDay::date, d -> d));
	}
}
