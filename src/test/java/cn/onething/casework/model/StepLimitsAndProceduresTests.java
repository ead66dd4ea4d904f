package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static cn.onething.casework.model.CaseFixture.CALENDAR;
import static cn.onething.casework.model.CaseFixture.HEAD;
import static cn.onething.casework.model.CaseFixture.MONDAY;
import static cn.onething.casework.model.CaseFixture.PENSION_REVIEWER;
import static cn.onething.casework.model.CaseFixture.SUPERVISOR;
import static cn.onething.casework.model.CaseFixture.on;
import static cn.onething.casework.model.CaseFixture.received;
import static cn.onething.casework.model.CaseFixture.workingDaysAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each step's own limit, the bundle's cap over them, special procedures of §45 and the head's extension. */
class StepLimitsAndProceduresTests {

	@Test
	void eachStepIsDueByItsOwnCommittedLimitAndASerialStepCountsFromItsPredecessorsDecision() {
		CaseFile file = received(true).approve("medical", null, on(MONDAY, CaseFixture.MEDICAL_REVIEWER)).after();
		// the pension step still reviews, so the round is open; approve it two working days later: accepted then
		LocalDate wednesday = MONDAY.plusDays(2);
		CaseFile afterPension = file.approve("pension", null, on(wednesday, PENSION_REVIEWER)).after();
		CaseSchedule schedule = CaseSchedule.of(afterPension, CALENDAR);

		assertThat(afterPension.acceptance().effectiveOn()).isEqualTo(wednesday);
		assertThat(schedule.stepDueOn("fund-seal")).as("1 committed working day from the pension decision")
				.contains(workingDaysAfter(wednesday, 1));
		assertThat(schedule.stepDueOn("fund-withdraw")).as("3 more after sealing is due")
				.contains(workingDaysAfter(wednesday, 4));
		assertThat(schedule.expectedCompletionOn()).contains(workingDaysAfter(wednesday, 4));
		assertThat(schedule.bundleDueOn()).contains(workingDaysAfter(wednesday, 20));
	}

	@Test
	void theBundlesJointLimitCapsEveryStep() {
		CaseTerms tight = new CaseTerms("retirement", "退休一件事", 1, CaseFixture.terms(true).plan(), 2, true,
				CaseFixture.MATERIALS, Set.of(), "451421", 10, 5);
		CaseFile deemed = CaseFile.submit("case-2", "CAP00001", tight, on(MONDAY, CaseFixture.WINDOW)).after()
				.checkDeadlines(on(workingDaysAfter(MONDAY, 6), Actor.SYSTEM)).after();
		CaseSchedule schedule = CaseSchedule.of(deemed, CALENDAR);

		assertThat(schedule.bundleDueOn()).contains(workingDaysAfter(MONDAY, 2));
		assertThat(schedule.stepDueOn("pension")).as("10 committed days, but the bundle promised 2").contains(workingDaysAfter(MONDAY, 2));
		assertThat(schedule.stepDueOn("fund-withdraw")).contains(workingDaysAfter(MONDAY, 2));
		assertThat(schedule.expectedCompletionOn()).contains(workingDaysAfter(MONDAY, 2));
	}

	@Test
	void beforeAcceptanceTheScheduleIsProjectedFromTheLastDayToAsk() {
		CaseSchedule schedule = CaseSchedule.of(received(true), CALENDAR);
		LocalDate noticeDue = workingDaysAfter(MONDAY, 5);

		assertThat(schedule.projected()).isTrue();
		assertThat(schedule.expectedCompletionOn()).as("pension 10, then seal 1 and withdrawal 3")
				.contains(workingDaysAfter(noticeDue, 14));
	}

	@Test
	void aSpecialProcedureStopsOnlyItsOwnStepsClockAndTheBundles() {
		CaseFile accepted = received(true).checkDeadlines(on(workingDaysAfter(MONDAY, 6), Actor.SYSTEM)).after();
		LocalDate start = workingDaysAfter(MONDAY, 7);
		CaseSchedule before = CaseSchedule.of(accepted, CALENDAR);

		CaseChange started = accepted.startSpecialProcedure("pension", SpecialProcedure.Kind.EXPERT_REVIEW, "工龄认定需专家评审",
				start, workingDaysAfter(start, 4), on(start, PENSION_REVIEWER));
		CaseSchedule during = CaseSchedule.of(started.after(), CALENDAR);

		assertThat(started.events()).extracting(CaseEvent::kind).containsExactly("SpecialProcedureStarted");
		assertThat(during.stepDueOn("pension")).as("five working days suspended, start and expected end included")
				.contains(workingDaysAfter(before.stepDueOn("pension").orElseThrow(), 5));
		assertThat(during.stepDueOn("medical")).as("a parallel step's clock runs on").isEqualTo(before.stepDueOn("medical"));
		assertThat(during.bundleDueOn()).contains(workingDaysAfter(before.bundleDueOn().orElseThrow(), 5));

		LocalDate endAct = workingDaysAfter(start, 1);
		CaseChange ended = started.after().endSpecialProcedure("pension", on(endAct, PENSION_REVIEWER));
		CaseSchedule after = CaseSchedule.of(ended.after(), CALENDAR);

		assertThat(ended.events()).extracting(CaseEvent::kind).containsExactly("SpecialProcedureEnded");
		assertThat(after.stepDueOn("pension")).as("ended early: only the two days actually suspended count")
				.contains(workingDaysAfter(before.stepDueOn("pension").orElseThrow(), 2));
		assertThat(after.totalSuspendedWorkingDays()).isEqualTo(2);
	}

	@Test
	void specialProceduresRefuseInvalidInputWithAReasonInChinese() {
		CaseFile received = received(true);
		assertThatThrownBy(() -> received.startSpecialProcedure("pension", SpecialProcedure.Kind.HEARING, "听证", MONDAY,
				MONDAY.plusDays(3), on(MONDAY, PENSION_REVIEWER))).isInstanceOf(CaseRuleViolation.class).hasMessageContaining("尚未受理");

		LocalDate day = workingDaysAfter(MONDAY, 7);
		CaseFile accepted = received.checkDeadlines(on(day, Actor.SYSTEM)).after();
		assertThatThrownBy(() -> accepted.startSpecialProcedure("pension", SpecialProcedure.Kind.HEARING, "听证", day,
				day.minusDays(1), on(day, PENSION_REVIEWER))).isInstanceOf(CaseRuleViolation.class).hasMessageContaining("不能早于开始日期");
		assertThatThrownBy(() -> accepted.startSpecialProcedure("pension", SpecialProcedure.Kind.HEARING, "听证", day.plusDays(1),
				day.plusDays(3), on(day, PENSION_REVIEWER))).isInstanceOf(CaseRuleViolation.class).hasMessageContaining("不能晚于今天");
		assertThatThrownBy(() -> accepted.startSpecialProcedure("pension", SpecialProcedure.Kind.HEARING, " ", day,
				day.plusDays(3), on(day, PENSION_REVIEWER))).isInstanceOf(CaseRuleViolation.class).hasMessageContaining("写明理由");
		assertThatThrownBy(() -> accepted.endSpecialProcedure("pension", on(day, PENSION_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("没有正在进行");
		assertThatThrownBy(() -> accepted.startSpecialProcedure("fund-seal", SpecialProcedure.Kind.SURVEY, "现场勘验", day,
				day.plusDays(3), on(day, PENSION_REVIEWER))).isInstanceOf(CaseRuleViolation.class).hasMessageContaining("不能中止计时");

		CaseFile hearing = accepted.startSpecialProcedure("pension", SpecialProcedure.Kind.HEARING, "听证", day, day.plusDays(7),
				on(day, PENSION_REVIEWER)).after();
		assertThatThrownBy(() -> hearing.startSpecialProcedure("pension", SpecialProcedure.Kind.PUBLICATION, "公示", day,
				day.plusDays(7), on(day, PENSION_REVIEWER))).isInstanceOf(CaseRuleViolation.class).hasMessageContaining("尚未结束");
		assertThatThrownBy(() -> hearing.approve("pension", null, on(day, PENSION_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("请先登记结束");

		CaseFile decided = hearing.endSpecialProcedure("pension", on(day, PENSION_REVIEWER)).after()
				.approve("pension", null, on(day, PENSION_REVIEWER)).after();
		assertThatThrownBy(() -> decided.startSpecialProcedure("pension", SpecialProcedure.Kind.HEARING, "听证", day,
				day.plusDays(3), on(day, PENSION_REVIEWER))).isInstanceOf(CaseRuleViolation.class).hasMessageContaining("已通过");
	}

	@Test
	void theHeadsExtensionAddsFifteenWorkingDaysToTheBundleAndToEveryOpenStep() {
		LocalDate day = workingDaysAfter(MONDAY, 7);
		CaseFile accepted = received(true).checkDeadlines(on(day, Actor.SYSTEM)).after();
		CaseSchedule before = CaseSchedule.of(accepted, CALENDAR);

		assertThatThrownBy(() -> accepted.extendDeadline("需要实地核查", on(day, SUPERVISOR))).hasMessageContaining("机关负责人");
		CaseFile extended = accepted.extendDeadline("需要实地核查", on(day, HEAD)).after();
		CaseSchedule after = CaseSchedule.of(extended, CALENDAR);

		assertThat(extended.extendedOn()).isEqualTo(day);
		assertThat(after.bundleDueOn()).contains(workingDaysAfter(before.bundleDueOn().orElseThrow(), 15));
		assertThat(after.stepDueOn("pension")).contains(workingDaysAfter(before.stepDueOn("pension").orElseThrow(), 15));
	}
}
