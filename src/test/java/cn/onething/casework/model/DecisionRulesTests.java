package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.onething.casework.model.CaseFixture.FUND_REVIEWER;
import static cn.onething.casework.model.CaseFixture.MEDICAL_REVIEWER;
import static cn.onething.casework.model.CaseFixture.MONDAY;
import static cn.onething.casework.model.CaseFixture.PENSION_REVIEWER;
import static cn.onething.casework.model.CaseFixture.WINDOW;
import static cn.onething.casework.model.CaseFixture.missing;
import static cn.onething.casework.model.CaseFixture.on;
import static cn.onething.casework.model.CaseFixture.received;
import static cn.onething.casework.model.CaseFixture.workingDaysAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 不予受理 and 不予许可 (行政许可法 §32, §38), and the reasons steps ended by them carry (docs/legal.md §3.6). */
class DecisionRulesTests {

	@Test
	void stepsBehindARefusedStepCarryTheRefusalAsTheirReason() {
		CaseFile file = received(true).refuse("pension", "未达到法定退休年龄", on(MONDAY, PENSION_REVIEWER)).after();

		assertThat(file.step("fund-seal").orElseThrow().reason()).isEqualTo("因前序环节“养老保险退休审批”不予许可，本环节终止");
		assertThat(file.step("fund-withdraw").orElseThrow().reason()).isEqualTo("因前序环节“养老保险退休审批”不予许可，本环节终止");
		assertThat(file.step("medical").orElseThrow().state()).isEqualTo(StepState.ACTIVE);
	}

	@Test
	void whenItemsEndTogetherARefusalEndsEveryOpenStepAndWhatWasApprovedBeforeIsNotGranted() {
		CaseFile approved = received(false).approve("pension", "退休审批表", on(MONDAY, PENSION_REVIEWER)).after();

		CaseChange refusal = approved.refuse("medical", "参保信息不符", on(MONDAY.plusDays(1), MEDICAL_REVIEWER));

		CaseFile ended = refusal.after();
		assertThat(ended.step("pension").orElseThrow().state()).isEqualTo(StepState.APPROVED);
		assertThat(ended.step("fund-seal").orElseThrow().reason()).isEqualTo("本件各事项须一并办结，因“医保退休待遇核定”不予许可，本环节终止");
		assertThat(ended.completion().result()).isEqualTo(Completion.Result.REFUSED);
		assertThat(ended.completion().approvedItems()).isEmpty();
		assertThat(ended.completion().refusedItems()).containsExactly("P", "M", "S", "W");
		assertThat(ended.completion().collect()).isEmpty();
		assertThatThrownBy(() -> ended.approve("fund-seal", null, on(MONDAY.plusDays(1), FUND_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessage("本件已办结");
	}

	@Test
	void aRefusalInTheFirstRoundOfABundleThatEndsTogetherIssuesNoNoticeForTheFlagsOfOthers() {
		CaseFile flagged = received(false)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after();

		CaseChange refusal = flagged.refuse("medical", "不属于职工医保参保人员", on(MONDAY, MEDICAL_REVIEWER));

		assertThat(refusal.events()).extracting(CaseEvent::kind).doesNotContain("NoticeIssued");
		assertThat(refusal.after().notices()).isEmpty();
		assertThat(refusal.after().acceptance().effectiveOn()).isEqualTo(MONDAY);
		assertThat(refusal.after().completion().result()).isEqualTo(Completion.Result.REFUSED);
	}

	@Test
	void noRefusalOnTheMeritsWhileTheApplicationWaitsForCorrectionUnaccepted() {
		LocalDate lastDay = workingDaysAfter(MONDAY, 5);
		CaseFile waiting = received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(lastDay, PENSION_REVIEWER)).after();
		assertThat(waiting.status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
		assertThat(waiting.step("medical").orElseThrow().state()).as("the notice went out without waiting for it").isEqualTo(StepState.ACTIVE);

		assertThatThrownBy(() -> waiting.refuse("medical", "不符合条件", on(lastDay, MEDICAL_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("请作出不予受理决定");
		assertThat(waiting.approve("medical", null, on(lastDay, MEDICAL_REVIEWER)).after().step("medical").orElseThrow().state())
				.isEqualTo(StepState.APPROVED);
	}

	@Test
	void notAcceptedBeforeAcceptanceEndsTheCaseWithTheReasonAndWhereToApply() {
		CaseChange change = received(true).refuseToAccept("申请事项不属于本县办理权限", "崇左市人力资源和社会保障局",
				on(MONDAY, WINDOW));

		CaseFile file = change.after();
		assertThat(file.status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(file.acceptance()).isNull();
		assertThat(file.completion().result()).isEqualTo(Completion.Result.NOT_ACCEPTED);
		assertThat(file.completion().nonAcceptance())
				.isEqualTo(new NonAcceptance(MONDAY, "申请事项不属于本县办理权限", "崇左市人力资源和社会保障局", WINDOW));
		assertThat(file.completion().refusedItems()).containsExactly("P", "M", "S", "W");
		assertThat(file.steps()).allSatisfy(step -> {
			assertThat(step.state()).isEqualTo(StepState.SKIPPED);
			assertThat(step.reason()).isEqualTo("不予受理：申请事项不属于本县办理权限");
		});
		assertThat(change.events()).extracting(CaseEvent::kind).containsExactly("StepsSkipped", "ApplicationCompleted");
	}

	@Test
	void notAcceptedWhileTheApplicantCorrectsEndsTheWaiting() {
		CaseFile waiting = received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after()
				.flag("medical", List.of(missing("photo", "缺照片")), on(MONDAY, MEDICAL_REVIEWER)).after();

		CaseFile ended = waiting.refuseToAccept("逾期未补正", null, on(MONDAY.plusDays(3), WINDOW)).after();

		assertThat(ended.waitingForCorrectionSince()).isNull();
		assertThat(ended.suspensions()).hasSize(1);
		assertThat(ended.completion().nonAcceptance().referTo()).isNull();
	}

	@Test
	void notAcceptedIsRefusedWithoutAReasonAfterAcceptanceOrADecisionOrFromTheApplicant() {
		CaseFile file = received(true);
		CaseFile deemed = file.checkDeadlines(on(workingDaysAfter(MONDAY, 6), Actor.SYSTEM)).after();
		CaseFile oneApproved = file.approve("pension", null, on(MONDAY, PENSION_REVIEWER)).after();

		assertThatThrownBy(() -> file.refuseToAccept(" ", null, on(MONDAY, WINDOW)))
				.isInstanceOf(CaseRuleViolation.class).hasMessage("不予受理必须写明理由");
		assertThatThrownBy(() -> deemed.refuseToAccept("不属于本机关职权范围", null, on(workingDaysAfter(MONDAY, 6), WINDOW)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("视为受理").hasMessageContaining("不能再不予受理");
		assertThatThrownBy(() -> file.refuseToAccept("不属于本机关职权范围", null, on(workingDaysAfter(MONDAY, 6), WINDOW)))
				.as("the time rules accepted it before anyone acted").hasMessageContaining("不能再不予受理");
		assertThatThrownBy(() -> oneApproved.refuseToAccept("不属于本机关职权范围", null, on(MONDAY, WINDOW)))
				.isInstanceOf(CaseRuleViolation.class).hasMessage("已有环节作出审批决定，不能再不予受理");
		assertThatThrownBy(() -> file.refuseToAccept("不想办了", null, on(MONDAY, Actor.applicant())))
				.isInstanceOf(CaseRuleViolation.class);
		CaseFile ended = file.refuseToAccept("不属于本机关职权范围", null, on(MONDAY, WINDOW)).after();
		assertThatThrownBy(() -> ended.refuseToAccept("再来一次", null, on(MONDAY, WINDOW))).hasMessage("本件已办结");
	}

	@Test
	void aLaterSerialDepartmentsPreReviewGoesIntoTheOneNotice() {
		CaseFile file = received(true);
		assertThat(file.awaitingPreReview()).extracting(CaseStep::id).containsExactly("fund-seal", "fund-withdraw");

		CaseChange preReview = file.preReview("fund-withdraw", List.of(missing("bank-card", "未提供本人银行卡")), on(MONDAY, FUND_REVIEWER));
		CaseFile notice = preReview.after()
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after()
				.approve("medical", null, on(MONDAY.plusDays(1), MEDICAL_REVIEWER)).after();

		assertThat(preReview.events()).extracting(CaseEvent::kind).containsExactly("MaterialsPreReviewed");
		assertThat(preReview.after().awaitingPreReview()).extracting(CaseStep::id).containsExactly("fund-seal");
		assertThat(notice.notices()).hasSize(1);
		assertThat(notice.latestNotice().orElseThrow().items()).extracting(Flag::stepId).containsExactly("fund-withdraw", "pension");
		assertThat(notice.awaitingPreReview()).as("the notice closed the window").isEmpty();
	}

	@Test
	void aPreReviewWithoutFlagsRecordsThatAllIsInOrderAndHoldsNothingUp() {
		CaseChange clean = received(true).preReview("fund-seal", List.of(), on(MONDAY, FUND_REVIEWER));

		assertThat(clean.after().preReviewed()).containsExactly("fund-seal");
		assertThat(clean.after().pendingFlags()).isEmpty();
		CaseFile accepted = clean.after().approve("pension", null, on(MONDAY, PENSION_REVIEWER)).after()
				.approve("medical", null, on(MONDAY, MEDICAL_REVIEWER)).after();
		assertThat(accepted.acceptance().basis()).isEqualTo(Acceptance.Basis.COMPLETE);
	}

	@Test
	void aPreReviewFlagOnTheNoticesLastDayGoesOutAtOnce() {
		LocalDate lastDay = workingDaysAfter(MONDAY, 5);

		CaseFile file = received(true).preReview("fund-seal", List.of(missing("id-card", "身份证已过期")), on(lastDay, FUND_REVIEWER)).after();

		assertThat(file.latestNotice().orElseThrow().trigger()).isEqualTo(OneTimeNotice.Trigger.FIVE_DAY_LIMIT);
		assertThat(file.status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
	}

	@Test
	void aDepartmentReviewingAnEarlierStepFlagsThereRatherThanPreReviewingItsLaterOne() {
		CaseTerms terms = new CaseTerms("newborn", "新生儿出生一件事", 1, List.of(
				new StepPlan("certificate", "签发出生医学证明", "health", List.of("C"), List.of()),
				new StepPlan("vaccination", "办理预防接种证", "health", List.of("V"), List.of("certificate")),
				new StepPlan("hukou", "出生登记", "public-security", List.of("H"), List.of("certificate"))),
				15, true, CaseFixture.MATERIALS, java.util.Set.of(), "451421", 10, 5);
		CaseFile file = CaseFile.submit("c", "R", terms, on(MONDAY, WINDOW)).after();

		assertThat(file.awaitingPreReview()).extracting(CaseStep::id).containsExactly("hukou");
		assertThatThrownBy(() -> file.preReview("vaccination", List.of(), on(MONDAY, WINDOW)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("在该环节一并提出");
	}

	@Test
	void preReviewIsOnlyForWaitingStepsOnceEachAndOnlyBeforeTheNoticeOrAcceptance() {
		CaseFile file = received(true).preReview("fund-seal", List.of(), on(MONDAY, FUND_REVIEWER)).after();
		CaseFile accepted = file.approve("medical", null, on(MONDAY, MEDICAL_REVIEWER)).after()
				.approve("pension", null, on(MONDAY, PENSION_REVIEWER)).after();

		assertThatThrownBy(() -> file.preReview("pension", List.of(), on(MONDAY, PENSION_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("不需要预审");
		assertThatThrownBy(() -> file.preReview("fund-seal", List.of(), on(MONDAY, FUND_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("已经预审过");
		assertThatThrownBy(() -> accepted.preReview("fund-withdraw", List.of(missing("bank-card", "缺")), on(MONDAY, FUND_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("须由主管登记例外");
		assertThatThrownBy(() -> file.preReview("fund-withdraw", List.of(missing("passport", "缺")), on(MONDAY, FUND_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("passport");
	}
}
