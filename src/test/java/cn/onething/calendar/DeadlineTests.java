package cn.onething.calendar;

import org.junit.jupiter.api.Test;

import static cn.onething.calendar.CalendarFixture.GUANGXI_COUNTY;
import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.day;
import static cn.onething.calendar.Region.NATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeadlineTests {

	/** Accepted Monday 2026-03-02 with the 20 working days of 行政许可法 §42: due Monday 2026-03-30. */
	static final Deadline TWENTY_DAYS = Deadline.of(day("2026-03-02"), 20, NATIONAL);

	static final Suspension CORRECTION = new Suspension(day("2026-03-10"), day("2026-03-16"), "等待申请人补正材料");

	@Test
	void withoutSuspensionTheDueDateIsTheLimitInWorkingDays() {
		assertThat(TWENTY_DAYS.dueDate(SHIPPED)).isEqualTo(day("2026-03-30"));
		assertThat(TWENTY_DAYS.suspendedWorkingDays(SHIPPED)).isZero();
	}

	@Test
	void aSuspensionForCorrectionMovesTheDueDate() {
		// 3/10 to 3/16 holds five working days; five more after 3/30, skipping 清明 (4/4 to 4/6), is 4/7.
		Deadline suspended = TWENTY_DAYS.suspendedFor(CORRECTION);

		assertThat(suspended.dueDate(SHIPPED)).isEqualTo(day("2026-04-07"));
		assertThat(suspended.suspendedWorkingDays(SHIPPED)).isEqualTo(5);
		assertThat(TWENTY_DAYS.dueDate(SHIPPED)).as("the original is unchanged").isEqualTo(day("2026-03-30"));
	}

	@Test
	void overlappingSuspensionsCountOnce() {
		Deadline suspended = TWENTY_DAYS.suspendedFor(CORRECTION)
				.suspendedFor(new Suspension(day("2026-03-12"), day("2026-03-18"), "专家评审（行政许可法第四十五条）"));

		// The union 3/10 to 3/18 holds seven working days, not ten.
		assertThat(suspended.suspendedWorkingDays(SHIPPED)).isEqualTo(7);
		assertThat(suspended.dueDate(SHIPPED)).isEqualTo(day("2026-04-09"));
	}

	@Test
	void aSpecialProcedureOverAHolidayMovesTheDueDateOnlyByItsWorkingDays() {
		// Accepted 2026-09-21, 10 working days: due 10/12 (中秋 and 国庆 off, Saturday 10/10 a working day).
		Deadline deadline = Deadline.of(day("2026-09-21"), 10, NATIONAL);
		assertThat(deadline.dueDate(SHIPPED)).isEqualTo(day("2026-10-12"));

		// An expert review from 9/28 to 10/9 stops five working days: 9/28, 9/29, 9/30, 10/8, 10/9.
		Deadline reviewed = deadline.suspendedFor(new Suspension(day("2026-09-28"), day("2026-10-09"), "专家评审"));
		assertThat(reviewed.suspendedWorkingDays(SHIPPED)).isEqualTo(5);
		assertThat(reviewed.dueDate(SHIPPED)).isEqualTo(day("2026-10-19"));
	}

	@Test
	void aSuspensionAfterTheDueDateChangesNothing() {
		Deadline late = TWENTY_DAYS.suspendedFor(new Suspension(day("2026-03-31"), day("2026-04-10"), "听证"));

		assertThat(late.dueDate(SHIPPED)).isEqualTo(day("2026-03-30"));
		assertThat(late.suspendedWorkingDays(SHIPPED)).isZero();
	}

	@Test
	void daysBeforeAcceptanceAreNotSuspendedTimeBecauseTheClockHadNotStarted() {
		Deadline early = TWENTY_DAYS.suspendedFor(new Suspension(day("2026-02-24"), day("2026-03-02"), "受理前补正"));

		assertThat(early.dueDate(SHIPPED)).isEqualTo(day("2026-03-30"));
	}

	@Test
	void theStatutoryTwentyDaysSkipTheZhuangMarchThirdInGuangxi() {
		assertThat(Deadline.of(day("2026-04-01"), 20, NATIONAL).dueDate(SHIPPED)).isEqualTo(day("2026-04-30"));
		// 4/20 is 三月初四 in Guangxi, so the twentieth working day falls after the 劳动节 break.
		assertThat(Deadline.of(day("2026-04-01"), 20, GUANGXI_COUNTY).dueDate(SHIPPED)).isEqualTo(day("2026-05-06"));
	}

	@Test
	void workingDaysLeftIsZeroOnTheDueDateAndNegativeWhenOverdue() {
		Deadline suspended = TWENTY_DAYS.suspendedFor(CORRECTION);

		assertThat(suspended.workingDaysLeft(day("2026-03-02"), SHIPPED)).isEqualTo(20);
		assertThat(suspended.workingDaysLeft(day("2026-03-16"), SHIPPED)).as("3/3 to 3/9 counted").isEqualTo(15);
		assertThat(suspended.workingDaysLeft(day("2026-04-07"), SHIPPED)).isZero();
		assertThat(suspended.workingDaysLeft(day("2026-04-08"), SHIPPED)).isEqualTo(-1);
	}

	@Test
	void aDecisionOnTheSpotOnASuspendedDayIsDueOnTheNextCountedDay() {
		Deadline onTheSpot = Deadline.of(day("2026-03-10"), 0, NATIONAL).suspendedFor(CORRECTION);

		assertThat(onTheSpot.dueDate(SHIPPED)).isEqualTo(day("2026-03-17"));
	}

	@Test
	void aSuspensionNeedsAReasonAndAnEndOnOrAfterItsStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Suspension(day("2026-03-10"), day("2026-03-16"), " "));
		assertThatIllegalArgumentException().isThrownBy(() -> new Suspension(day("2026-03-16"), day("2026-03-10"), "补正"));
		assertThat(new Suspension(day("2026-03-10"), day("2026-03-10"), "补正").contains(day("2026-03-10"))).isTrue();
	}
}
