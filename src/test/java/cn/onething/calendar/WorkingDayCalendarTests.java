package cn.onething.calendar;

import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.onething.calendar.CalendarFixture.GUANGDONG_DISTRICT;
import static cn.onething.calendar.CalendarFixture.GUANGXI_COUNTY;
import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.day;
import static cn.onething.calendar.Region.GUANGXI;
import static cn.onething.calendar.Region.NATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkingDayCalendarTests {

	@Test
	void theStartDayIsNotCounted() {
		// Monday 2026-03-02 accepted: one working day ends on Tuesday (民法典 §201).
		assertThat(SHIPPED.addWorkingDays(day("2026-03-02"), 1, NATIONAL)).isEqualTo(day("2026-03-03"));
		assertThat(SHIPPED.addWorkingDays(day("2026-03-02"), 5, NATIONAL)).isEqualTo(day("2026-03-09"));
	}

	@Test
	void aMakeUpWorkingSaturdayCounts() {
		assertThat(SHIPPED.isWorkingDay(day("2026-02-14"), NATIONAL)).isTrue();
		assertThat(SHIPPED.addWorkingDays(day("2026-02-13"), 1, NATIONAL)).isEqualTo(day("2026-02-14"));
		assertThat(SHIPPED.scheduledDay(day("2026-02-14"), NATIONAL)).map(ScheduledDay::name).hasValue("春节");
	}

	@Test
	void aWeekdayInsideTheSpringFestivalBreakIsNotAWorkingDay() {
		assertThat(SHIPPED.isWorkingDay(day("2026-02-16"), NATIONAL)).isFalse();
		// Accepted on the make-up Saturday, the first working day after it is 2026-02-24, after the break.
		assertThat(SHIPPED.addWorkingDays(day("2026-02-14"), 1, NATIONAL)).isEqualTo(day("2026-02-24"));
	}

	@Test
	void aDeadlineThatWouldEndOnAHolidayEndsOnTheNextWorkingDay() {
		// Two working days from Monday 2025-09-29 would be Wednesday 10-01 by the weekday rule; the break runs to 10-08.
		assertThat(SHIPPED.addWorkingDays(day("2025-09-29"), 2, NATIONAL)).isEqualTo(day("2025-10-09"));
		// A period of calendar days whose last day is off ends on the next working day (民法典 §203).
		assertThat(SHIPPED.addCalendarDays(day("2026-09-20"), 11, NATIONAL)).isEqualTo(day("2026-10-08"));
		assertThat(SHIPPED.addCalendarDays(day("2026-03-02"), 5, NATIONAL)).isEqualTo(day("2026-03-09"));
	}

	@Test
	void deadlineSkipsTheZhuangMarchThirdHolidayInGuangxi() {
		// Friday 2025-03-28, two working days: 3/31 and 4/1 nationally, but they are 壮族三月三 in Guangxi.
		assertThat(SHIPPED.addWorkingDays(day("2025-03-28"), 2, NATIONAL)).isEqualTo(day("2025-04-01"));
		assertThat(SHIPPED.addWorkingDays(day("2025-03-28"), 2, GUANGXI)).isEqualTo(day("2025-04-03"));
		assertThat(SHIPPED.addWorkingDays(day("2025-03-28"), 2, GUANGXI_COUNTY)).isEqualTo(day("2025-04-03"));
	}

	@Test
	void theGuangxiOverlayAppliesInGuangxiOnly() {
		assertThat(SHIPPED.isWorkingDay(day("2026-04-20"), GUANGXI_COUNTY)).isFalse();
		assertThat(SHIPPED.scheduledDay(day("2026-04-20"), GUANGXI_COUNTY)).map(ScheduledDay::name).hasValue("壮族三月三");
		assertThat(SHIPPED.isWorkingDay(day("2026-04-20"), GUANGDONG_DISTRICT)).isTrue();
		assertThat(SHIPPED.isWorkingDay(day("2026-04-20"), NATIONAL)).isTrue();
	}

	@Test
	void nationalHolidaysApplyInGuangxiToo() {
		assertThat(SHIPPED.isWorkingDay(day("2026-10-05"), GUANGXI_COUNTY)).isFalse();
		assertThat(SHIPPED.isWorkingDay(day("2026-10-10"), GUANGXI_COUNTY)).isTrue();
	}

	@Test
	void theMostSpecificRegionWinsOverTheNation() {
		// As in Guangxi 2017: the nation works on Saturday 4/1, the region makes it a day off and works 4/8 instead.
		HolidaySchedule nation = new HolidaySchedule(NATIONAL, "全国", 2017, "通知", null, false,
				List.of(ScheduledDay.work(day("2017-04-01"), "清明节")));
		HolidaySchedule guangxi = new HolidaySchedule(GUANGXI, "广西壮族自治区", 2017, "通知", null, false,
				List.of(ScheduledDay.off(day("2017-04-01"), "壮族三月三"), ScheduledDay.work(day("2017-04-08"), "壮族三月三")));
		WorkingDayCalendar calendar = WorkingDayCalendar.of(List.of(nation, guangxi));

		assertThat(calendar.isWorkingDay(day("2017-04-01"), NATIONAL)).isTrue();
		assertThat(calendar.isWorkingDay(day("2017-04-01"), GUANGXI_COUNTY)).isFalse();
		assertThat(calendar.isWorkingDay(day("2017-04-08"), GUANGXI_COUNTY)).isTrue();
		assertThat(calendar.isWorkingDay(day("2017-04-08"), NATIONAL)).isFalse();
	}

	@Test
	void aYearWithoutANoticeStillSkipsItsStatutoryHolidays() {
		// No 2027 file: Friday 2027-01-01 is 元旦 by law; a weekday the notice may yet make a bridging day still counts.
		assertThat(SHIPPED.isWorkingDay(day("2027-01-01"), NATIONAL)).isFalse();
		assertThat(SHIPPED.scheduledDay(day("2027-01-01"), NATIONAL)).map(ScheduledDay::name).hasValue("元旦");
		assertThat(SHIPPED.isWorkingDay(day("2027-01-02"), NATIONAL)).isFalse();
		assertThat(SHIPPED.isWorkingDay(day("2027-01-04"), NATIONAL)).isTrue();
		assertThat(WorkingDayCalendar.weekdaysOnly().addWorkingDays(day("2026-10-01"), 1, NATIONAL)).isEqualTo(day("2026-10-02"));
	}

	@Test
	void workingDaysBetweenCountsAfterTheStartUpToAndIncludingTheEnd() {
		assertThat(SHIPPED.workingDaysBetween(day("2026-09-30"), day("2026-10-09"), NATIONAL)).isEqualTo(2);
		assertThat(SHIPPED.workingDaysBetween(day("2026-10-09"), day("2026-09-30"), NATIONAL)).isEqualTo(-2);
		assertThat(SHIPPED.workingDaysBetween(day("2026-03-02"), day("2026-03-02"), NATIONAL)).isZero();
	}

	@Test
	void aDecisionOnTheSpotIsDueTheSameWorkingDay() {
		assertThat(SHIPPED.addWorkingDays(day("2026-03-02"), 0, NATIONAL)).isEqualTo(day("2026-03-02"));
		assertThat(SHIPPED.addWorkingDays(day("2026-10-03"), 0, NATIONAL)).isEqualTo(day("2026-10-08"));
	}

	@Test
	void aNegativeLimitIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SHIPPED.addWorkingDays(day("2026-03-02"), -1, NATIONAL));
	}

	@Test
	void theCoveredYearsAreThoseWithAFile() {
		assertThat(SHIPPED.coveredYears()).containsExactly(2025, 2026);
		assertThat(SHIPPED.coveredYears(GUANGXI)).containsExactly(2025, 2026);
		assertThat(SHIPPED.coveredYears(GUANGXI_COUNTY)).isEmpty();
	}

	@Test
	void twoSchedulesForTheSameRegionAndYearAreRefused() {
		HolidaySchedule one = new HolidaySchedule(NATIONAL, "全国", 2026, "通知", null, false, List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingDayCalendar.of(List.of(one, one)));
	}

	@Test
	void aRegionIsNationalOrADivisionCode() {
		assertThat(Region.of("national")).isEqualTo(NATIONAL);
		assertThat(Region.of("45")).isEqualTo(GUANGXI);
		assertThat(GUANGXI_COUNTY.isWithin(GUANGXI)).isTrue();
		assertThat(GUANGXI.isWithin(GUANGXI_COUNTY)).isFalse();
		assertThat(GUANGDONG_DISTRICT.isWithin(NATIONAL)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> Region.of("guangxi"));
	}
}
