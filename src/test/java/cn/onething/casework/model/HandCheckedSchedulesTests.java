package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.onething.casework.model.CaseFixture.CALENDAR;
import static cn.onething.casework.model.CaseFixture.HEAD;
import static cn.onething.casework.model.CaseFixture.PENSION_REVIEWER;
import static cn.onething.casework.model.CaseFixture.WINDOW;
import static cn.onething.casework.model.CaseFixture.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due dates counted by hand across the 2026→2027 year boundary and the 2027 Spring Festival, in Guangxi (451421).
 * 2027 has no published arrangement, so only the statutory days are off: 元旦 Fri 01-01, 除夕 Fri 02-05 to 初三
 * Mon 02-08, and weekends. Counting from Mon 2026-12-14 (not counted), the working days are numbered:
 * <pre>
 * Dec  15(1) 16(2) 17(3) 18(4) 21(5) 22(6) 23(7) 24(8) 25(9) 28(10) 29(11) 30(12) 31(13)
 * Jan  04(14) 05(15) 06(16) 07(17) 08(18) 11(19) 12(20) 13(21) 14(22) 15(23) 18(24) 19(25) 20(26) 21(27) 22(28)
 *      25(29) 26(30) 27(31) 28(32) 29(33)
 * Feb  01(34) 02(35) 03(36) 04(37) 09(38) 10(39) 11(40) 12(41) 15(42) 16(43) 17(44) 18(45)
 * </pre>
 * A case is accepted on {@code accepted} when its first step (1 day) is approved; the second step's clock starts
 * that day with {@code stepDays}. A special procedure on the second step runs from {@code from} to its expected end
 * {@code until}, or to the day its end was recorded ({@code endAct}, "-" while it runs); both ends are not
 * counted. An extension (head, on the day of acceptance) adds 15 days to the step and the bundle
 * (docs/legal.md §3.3, §3.4).
 */
class HandCheckedSchedulesTests {

	@ParameterizedTest(name = "{0}, step {2} days, bundle {1}: due {7} ({8})")
	@CsvSource(delimiter = '|', nullValues = "-", value = {
		"2026-12-14 | 45 | 10 | -          | -          | -          | false | 2026-12-28 | ten days, no holiday",
		"2026-12-14 | 45 | 15 | -          | -          | -          | false | 2027-01-05 | skips 元旦 and its weekend",
		"2026-12-14 | 45 | 20 | -          | -          | -          | false | 2027-01-12 | into 2027",
		"2026-12-14 | 45 | 38 | -          | -          | -          | false | 2027-02-09 | skips 除夕 to 初三 and the weekend",
		"2026-12-31 | 45 | 1  | -          | -          | -          | false | 2027-01-04 | the day after 元旦's weekend",
		"2027-02-04 | 45 | 1  | -          | -          | -          | false | 2027-02-09 | the day after the Spring Festival",
		"2026-12-14 | 45 | 10 | 2026-12-21 | 2026-12-23 | -          | false | 2026-12-31 | a running procedure: 21-23 not counted",
		"2026-12-14 | 45 | 10 | 2026-12-21 | 2026-12-23 | 2026-12-22 | false | 2026-12-30 | ended early: only 21-22 not counted",
		"2026-12-14 | 45 | 15 | 2026-12-30 | 2027-01-05 | -          | false | 2027-01-11 | over 元旦: 30, 31, 04, 05 not counted",
		"2026-12-14 | 45 | 40 | 2027-02-04 | 2027-02-09 | 2027-02-10 | false | 2027-02-16 | over the Spring Festival: 04, 09, 10 not counted",
		"2026-12-14 | 45 | 10 | -          | -          | -          | true  | 2027-01-19 | extended to 25 days",
		"2026-12-14 | 45 | 23 | -          | -          | -          | true  | 2027-02-09 | extended to 38 days, over the Spring Festival",
		"2026-12-14 | 20 | 30 | -          | -          | -          | false | 2027-01-12 | the bundle's 20 days cap the step's 30",
		"2026-12-14 | 20 | 30 | 2026-12-21 | 2026-12-23 | 2026-12-23 | false | 2027-01-15 | the bundle's clock stops too: 23rd day",
		"2026-12-14 | 20 | 30 | -          | -          | -          | true  | 2027-02-02 | extended bundle 35 caps the step's 45",
	})
	void theSecondStepIsDueOn(LocalDate accepted, int bundleDays, int stepDays, LocalDate from, LocalDate until,
			LocalDate endAct, boolean extended, LocalDate due, String why) {
		CaseTerms terms = new CaseTerms("serial", "两步一件事", 1, List.of(
				new StepPlan("first", "第一步", "human-resources", List.of("A"), List.of(), new StepLimit(1, 1)),
				new StepPlan("second", "第二步", "human-resources", List.of("B"), List.of("first"), new StepLimit(stepDays, stepDays))),
				bundleDays, true, Map.of("id-card", "居民身份证"), Set.of(), "451421", 10, 5);
		CaseFile file = CaseFile.submit("case-h", "HAND0001", terms, on(accepted, WINDOW)).after()
				.approve("first", null, on(accepted, PENSION_REVIEWER)).after();
		assertThat(file.acceptance().effectiveOn()).isEqualTo(accepted);
		if (extended) {
			file = file.extendDeadline("需要实地核查", on(accepted, HEAD)).after();
		}
		if (from != null) {
			file = file.startSpecialProcedure("second", SpecialProcedure.Kind.SURVEY, "现场勘验", from, until,
					on(from, PENSION_REVIEWER)).after();
		}
		if (endAct != null) {
			file = file.endSpecialProcedure("second", on(endAct, PENSION_REVIEWER)).after();
		}
		CaseSchedule schedule = CaseSchedule.of(file, CALENDAR);

		assertThat(schedule.stepDueOn("second")).as(why).contains(due);
		assertThat(schedule.expectedCompletionOn()).contains(due);
	}
}
