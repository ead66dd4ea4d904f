package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static cn.onething.casework.model.CaseFixture.FUND_REVIEWER;
import static cn.onething.casework.model.CaseFixture.HEAD;
import static cn.onething.casework.model.CaseFixture.MEDICAL_REVIEWER;
import static cn.onething.casework.model.CaseFixture.MONDAY;
import static cn.onething.casework.model.CaseFixture.PENSION_REVIEWER;
import static cn.onething.casework.model.CaseFixture.SUPERVISOR;
import static cn.onething.casework.model.CaseFixture.WINDOW;
import static cn.onething.casework.model.CaseFixture.defective;
import static cn.onething.casework.model.CaseFixture.missing;
import static cn.onething.casework.model.CaseFixture.on;
import static cn.onething.casework.model.CaseFixture.received;
import static cn.onething.casework.model.CaseFixture.workingDaysAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFileTests {

	@Test
	void parallelStepsStartTogetherAndSerialStepsWait() {
		CaseChange submitted = CaseFile.submit("c", "R", CaseFixture.terms(true), on(MONDAY, WINDOW));

		assertThat(states(submitted.after())).containsExactly(StepState.ACTIVE, StepState.ACTIVE, StepState.WAITING, StepState.WAITING);
		assertThat(submitted.events()).extracting(CaseEvent::kind)
				.containsExactly("ApplicationSubmitted", "StepActivated", "StepActivated");
	}

	@Test
	void aSerialStepStartsWhenItsDependencyIsApproved() {
		CaseChange change = received(true).approve("pension", null, on(MONDAY, PENSION_REVIEWER));

		assertThat(change.after().step("fund-seal").orElseThrow().state()).isEqualTo(StepState.ACTIVE);
		assertThat(change.after().step("fund-withdraw").orElseThrow().state()).isEqualTo(StepState.WAITING);
	}

	@Test
	void theNoticeWaitsUntilEveryActiveDepartmentHasReviewed() {
		CaseFile flagged = received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after();

		assertThat(flagged.notices()).isEmpty();
		assertThat(flagged.status()).isEqualTo(CaseStatus.REVIEWING);
	}

	@Test
	void flagsFromEveryActiveDepartmentBecomeOneNotice() {
		CaseChange change = received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after()
				.flag("medical", List.of(defective("photo", "照片不是近期免冠照")), on(MONDAY.plusDays(1), MEDICAL_REVIEWER));

		OneTimeNotice notice = change.after().latestNotice().orElseThrow();
		assertThat(notice.version()).isEqualTo(1);
		assertThat(notice.items()).extracting(Flag::materialName).containsExactly("退休申请表", "近期免冠照片");
		assertThat(notice.items()).extracting(Flag::stepId).containsExactly("pension", "medical");
		assertThat(notice.trigger()).isEqualTo(OneTimeNotice.Trigger.ALL_REVIEWED);
		assertThat(notice.correctBy()).isEqualTo(workingDaysAfter(MONDAY.plusDays(1), 10));
		assertThat(change.after().status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
		assertThat(change.events()).extracting(CaseEvent::kind).containsExactly("MaterialsFlagged", "NoticeIssued");
	}

	@Test
	void aFlagOnTheFifthWorkingDayGoesOutAtOnceWithEverythingFlaggedSoFar() {
		CaseFile flagged = received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after();
		LocalDate fifthWorkingDay = workingDaysAfter(MONDAY, 5);

		CaseChange onTheDay = flagged.flag("medical", List.of(missing("photo", "缺照片")), on(fifthWorkingDay, MEDICAL_REVIEWER));

		OneTimeNotice notice = onTheDay.after().latestNotice().orElseThrow();
		assertThat(notice.trigger()).isEqualTo(OneTimeNotice.Trigger.ALL_REVIEWED);
		assertThat(notice.issuedOn()).isEqualTo(fifthWorkingDay);
		assertThat(onTheDay.after().acceptance()).isNull();
	}

	@Test
	void onTheLastDayAFlagDoesNotWaitForTheOtherDepartments() {
		LocalDate fifthWorkingDay = workingDaysAfter(MONDAY, 5);

		CaseChange onTheDay = received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(fifthWorkingDay, PENSION_REVIEWER));

		OneTimeNotice notice = onTheDay.after().latestNotice().orElseThrow();
		assertThat(notice.trigger()).isEqualTo(OneTimeNotice.Trigger.FIVE_DAY_LIMIT);
		assertThat(notice.issuedOn()).isEqualTo(fifthWorkingDay);
		assertThat(onTheDay.after().step("medical").orElseThrow().state()).isEqualTo(StepState.ACTIVE);
	}

	@Test
	void flagsThatWereNeverIssuedByTheFifthWorkingDayAreNotAskedForAndTheCaseReadsAsDeemedAccepted() {
		CaseFile flagged = received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after();

		CaseFile read = flagged.asOf(on(workingDaysAfter(MONDAY, 6), WINDOW));

		assertThat(read.acceptance().basis()).isEqualTo(Acceptance.Basis.DEEMED);
		assertThat(read.acceptance().effectiveOn()).isEqualTo(MONDAY);
		assertThat(read.notices()).isEmpty();
		assertThat(read.pendingFlags()).isEmpty();
		assertThat(read.step("pension").orElseThrow().state()).as("reviews what it has").isEqualTo(StepState.ACTIVE);
		assertThat(read.deadline().orElseThrow().dueDate(CaseFixture.CALENDAR)).isEqualTo(workingDaysAfter(MONDAY, 20));
	}

	@Test
	void aNoticeAttemptedAfterItsDeadlineIsRefusedBecauseTheCaseIsAlreadyAcceptedFromReceipt() {
		LocalDate sixthWorkingDay = workingDaysAfter(MONDAY, 6);

		assertThatThrownBy(() -> received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(sixthWorkingDay, PENSION_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class)
				.hasMessageContaining("逾期未一次性告知，自收到申请材料之日起视为受理（受理日期 " + MONDAY + "）")
				.hasMessageContaining("不能再发一次性告知");
	}

	@Test
	void anApprovalAfterTheNoticeDeadlineRecordsTheDeemedAcceptanceFromReceiptNotACompleteOneThatDay() {
		LocalDate eighthWorkingDay = workingDaysAfter(MONDAY, 8);

		CaseChange change = received(true).approve("medical", null, on(eighthWorkingDay, MEDICAL_REVIEWER)).after()
				.approve("pension", null, on(eighthWorkingDay, PENSION_REVIEWER));

		assertThat(change.after().acceptance().basis()).isEqualTo(Acceptance.Basis.DEEMED);
		assertThat(change.after().acceptance().effectiveOn()).isEqualTo(MONDAY);
	}

	@Test
	void theScheduledCheckRecordsWhatTheRuleAlreadySaid() {
		CaseFile waiting = received(true);
		LocalDate muchLater = workingDaysAfter(MONDAY, 12);

		CaseFile read = waiting.asOf(on(muchLater, WINDOW));
		CaseChange recorded = waiting.checkDeadlines(on(muchLater, Actor.SYSTEM));

		assertThat(recorded.after().acceptance().effectiveOn()).isEqualTo(read.acceptance().effectiveOn()).isEqualTo(MONDAY);
		assertThat(recorded.after().deadline()).isEqualTo(read.deadline());
		assertThat(recorded.events()).extracting(CaseEvent::kind).containsExactly("ApplicationAccepted");
		assertThat(recorded.after().checkDeadlines(on(muchLater.plusDays(3), Actor.SYSTEM)).changedNothing()).isTrue();
	}

	@Test
	void correctionsHaveAReviewDueDateAndUnreviewedCorrectionsAreAcceptedFromTheDayTheyArrived() {
		LocalDate arrived = MONDAY.plusDays(7);
		CaseFile corrected = noticeForFormAndPhoto().submitCorrection(on(arrived, Actor.applicant())).after();
		LocalDate reviewDue = workingDaysAfter(arrived, 5);

		CaseFile onTheDueDay = corrected.asOf(on(reviewDue, WINDOW));
		CaseFile dayAfter = corrected.asOf(on(reviewDue.plusDays(1), WINDOW));

		assertThat(corrected.correctionReviewDueOn(CaseFixture.CALENDAR)).contains(reviewDue);
		assertThat(onTheDueDay.acceptance()).isNull();
		assertThat(dayAfter.acceptance().basis()).isEqualTo(Acceptance.Basis.CORRECTIONS_UNREVIEWED);
		assertThat(dayAfter.acceptance().effectiveOn()).isEqualTo(arrived);
		assertThat(dayAfter.correctionReviewDueOn(CaseFixture.CALENDAR)).isEmpty();
		assertThat(dayAfter.deadline().orElseThrow().dueDate(CaseFixture.CALENDAR))
				.as("the decision clock starts on the corrections' day; the wait before it stopped only the notice's clock")
				.isEqualTo(workingDaysAfter(arrived, 20));
	}

	@Test
	void aStillDefectiveItemFlaggedOnTheReviewsLastDayGoesOutAtOnce() {
		LocalDate arrived = MONDAY.plusDays(7);
		CaseFile corrected = noticeForFormAndPhoto().submitCorrection(on(arrived, Actor.applicant())).after();
		LocalDate reviewDue = workingDaysAfter(arrived, 5);

		CaseChange change = corrected.flag("pension", List.of(defective("retirement-form", "申请表未签字")), on(reviewDue, PENSION_REVIEWER));

		OneTimeNotice second = change.after().latestNotice().orElseThrow();
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.trigger()).isEqualTo(OneTimeNotice.Trigger.REVIEW_LIMIT);
		assertThat(change.after().status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
		assertThat(change.after().acceptance()).isNull();
	}

	@Test
	void theReviewPeriodOfCorrectionsIsTheCasesOwnTerm() {
		CaseTerms sevenDays = new CaseTerms("retirement", "退休一件事", 1, CaseFixture.terms(true).plan(), 20, true,
				CaseFixture.MATERIALS, java.util.Set.of(), "451421", 10, 7);
		LocalDate arrived = MONDAY.plusDays(7);
		CaseFile corrected = CaseFile.submit("c", "R", sevenDays, on(MONDAY, WINDOW)).after()
				.flag("pension", List.of(missing("retirement-form", "缺")), on(MONDAY, PENSION_REVIEWER)).after()
				.flag("medical", List.of(missing("photo", "缺")), on(MONDAY, MEDICAL_REVIEWER)).after()
				.submitCorrection(on(arrived, Actor.applicant())).after();

		assertThat(corrected.correctionReviewDueOn(CaseFixture.CALENDAR)).contains(workingDaysAfter(arrived, 7));
	}

	@Test
	void withoutANoticeWithinFiveWorkingDaysTheCaseIsDeemedAcceptedFromTheDayOfReceipt() {
		LocalDate sixthWorkingDay = workingDaysAfter(MONDAY, 6);

		CaseChange change = received(true).checkDeadlines(on(sixthWorkingDay, Actor.SYSTEM));

		Acceptance acceptance = change.after().acceptance();
		assertThat(acceptance.basis()).isEqualTo(Acceptance.Basis.DEEMED);
		assertThat(acceptance.effectiveOn()).isEqualTo(MONDAY);
		assertThat(acceptance.recordedOn()).isEqualTo(sixthWorkingDay);
		assertThat(change.after().deadline().orElseThrow().dueDate(CaseFixture.CALENDAR)).isEqualTo(workingDaysAfter(MONDAY, 20));
	}

	@Test
	void completeMaterialsAreAcceptedWhenEveryActiveDepartmentHasReviewed() {
		CaseChange change = received(true).approve("medical", "医保待遇核定通知书", on(MONDAY, MEDICAL_REVIEWER)).after()
				.approve("pension", null, on(MONDAY.plusDays(1), PENSION_REVIEWER));

		assertThat(change.after().acceptance().basis()).isEqualTo(Acceptance.Basis.COMPLETE);
		assertThat(change.after().acceptance().effectiveOn()).isEqualTo(MONDAY.plusDays(1));
	}

	@Test
	void aDepartmentMayRaiseAgainOnlyWhatTheNoticeListedAndTheSecondNoticeListsWhatIsStillDefective() {
		CaseFile corrected = noticeForFormAndPhoto().submitCorrection(on(MONDAY.plusDays(7), Actor.applicant())).after();

		CaseChange again = corrected.approve("medical", null, on(MONDAY.plusDays(7), MEDICAL_REVIEWER)).after()
				.flag("pension", List.of(defective("retirement-form", "申请表未签字")), on(MONDAY.plusDays(8), PENSION_REVIEWER));

		OneTimeNotice second = again.after().latestNotice().orElseThrow();
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.items()).extracting(Flag::materialKey).containsExactly("retirement-form");
	}

	@Test
	void aSecondDepartmentCannotRaiseANewMaterialAfterTheNoticeWithoutAnException() {
		CaseFile corrected = noticeForFormAndPhoto().submitCorrection(on(MONDAY.plusDays(7), Actor.applicant())).after();

		assertThatThrownBy(() -> corrected.flag("medical", List.of(missing("bank-card", "缺银行卡")), on(MONDAY.plusDays(8), MEDICAL_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class)
				.hasMessageContaining("“银行卡”不在告知内容中").hasMessageContaining("主管登记例外");
	}

	@Test
	void aSupervisorsExceptionAllowsANewItemWithItsReasonOnTheRecord() {
		CaseFile corrected = noticeForFormAndPhoto().submitCorrection(on(MONDAY.plusDays(7), Actor.applicant())).after();

		CaseChange change = corrected.flagWithException("medical", List.of(missing("bank-card", "缺银行卡")),
				"医保新规要求提供社保卡银行账户", on(MONDAY.plusDays(8), SUPERVISOR));

		assertThat(change.events()).filteredOn(e -> e instanceof CaseEvent.ExceptionRecorded).singleElement()
				.satisfies(e -> assertThat(((CaseEvent.ExceptionRecorded) e).reason()).isEqualTo("医保新规要求提供社保卡银行账户"));
		assertThatThrownBy(() -> corrected.flagWithException("medical", List.of(missing("bank-card", "x")), "理由",
				on(MONDAY.plusDays(8), MEDICAL_REVIEWER))).isInstanceOf(CaseRuleViolation.class);
	}

	@Test
	void correctedMaterialsAreAcceptedOnTheDayOfCorrectionReview() {
		CaseFile corrected = noticeForFormAndPhoto().submitCorrection(on(MONDAY.plusDays(7), Actor.applicant())).after();

		CaseChange change = corrected.approve("medical", null, on(MONDAY.plusDays(8), MEDICAL_REVIEWER)).after()
				.approve("pension", null, on(MONDAY.plusDays(8), PENSION_REVIEWER));

		assertThat(change.after().acceptance().basis()).isEqualTo(Acceptance.Basis.CORRECTED);
		assertThat(change.after().acceptance().effectiveOn()).isEqualTo(MONDAY.plusDays(8));
		assertThat(change.after().suspensions()).singleElement().satisfies(s -> {
			assertThat(s.from()).isEqualTo(MONDAY.plusDays(1));
			assertThat(s.to()).isEqualTo(MONDAY.plusDays(7));
		});
	}

	@Test
	void theClockStopsWhileTheApplicantCorrectsAfterAcceptance() {
		CaseFile accepted = received(true).approve("medical", null, on(MONDAY, MEDICAL_REVIEWER)).after()
				.approve("pension", null, on(MONDAY, PENSION_REVIEWER)).after();
		LocalDate dueBefore = accepted.deadline().orElseThrow().dueDate(CaseFixture.CALENDAR);

		CaseFile waiting = accepted.flagWithException("fund-seal", List.of(missing("bank-card", "缺公积金提取银行卡")),
				"提取须绑定本人银行卡", on(MONDAY.plusDays(1), SUPERVISOR)).after();
		CaseFile corrected = waiting.submitCorrection(on(MONDAY.plusDays(8), Actor.applicant())).after();

		LocalDate dueAfter = corrected.deadline().orElseThrow().dueDate(CaseFixture.CALENDAR);
		int suspended = corrected.deadline().orElseThrow().suspendedWorkingDays(CaseFixture.CALENDAR);
		assertThat(suspended).isPositive();
		assertThat(dueAfter).isEqualTo(workingDaysAfter(dueBefore, suspended));
	}

	@Test
	void tolerantAcceptanceIsOnlyForSecondaryMaterialsAndNeedsASignedPromise() {
		CaseFile photoMissing = received(true)
				.flag("medical", List.of(missing("photo", "缺照片")), on(MONDAY, MEDICAL_REVIEWER)).after()
				.approve("pension", null, on(MONDAY, PENSION_REVIEWER)).after();
		CaseFile formMissing = noticeForFormAndPhoto();

		assertThatThrownBy(() -> formMissing.acceptTolerantly("张三（签字）", MONDAY.plusDays(20), on(MONDAY.plusDays(2), WINDOW)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("退休申请表");
		CaseChange tolerant = photoMissing.acceptTolerantly("张三（签字）", MONDAY.plusDays(20), on(MONDAY.plusDays(2), WINDOW));

		assertThat(tolerant.after().acceptance().basis()).isEqualTo(Acceptance.Basis.TOLERANT);
		assertThat(tolerant.after().promise().materialKeys()).containsExactly("photo");
		assertThat(tolerant.after().step("medical").orElseThrow().state()).isEqualTo(StepState.ACTIVE);
	}

	@Test
	void aRefusalEndsTheStepsBehindItWhileOtherItemsFinishWhenTheBundleAllowsIt() {
		CaseChange change = received(true).refuse("pension", "未达到法定退休年龄", on(MONDAY, PENSION_REVIEWER)).after()
				.approve("medical", "到医保窗口领取待遇核定表", on(MONDAY, MEDICAL_REVIEWER));

		Completion completion = change.after().completion();
		assertThat(completion.result()).isEqualTo(Completion.Result.PARTLY_APPROVED);
		assertThat(completion.approvedItems()).containsExactly("M");
		assertThat(completion.refusedItems()).containsExactly("P", "S", "W");
		assertThat(completion.collect()).containsExactly("到医保窗口领取待遇核定表");
		assertThat(change.after().status()).isEqualTo(CaseStatus.COMPLETED);
	}

	@Test
	void aRefusalEndsTheWholeCaseWhenItsItemsMustEndTogether() {
		CaseChange change = received(false).refuse("medical", "参保信息不符", on(MONDAY, MEDICAL_REVIEWER));

		assertThat(change.after().completion().result()).isEqualTo(Completion.Result.REFUSED);
		assertThat(states(change.after())).containsOnly(StepState.REFUSED, StepState.SKIPPED);
	}

	@Test
	void everyStepApprovedCompletesTheCaseWithWhatToCollect() {
		CaseFile file = received(true);
		file = file.approve("pension", "退休审批表", on(MONDAY, PENSION_REVIEWER)).after();
		file = file.approve("medical", null, on(MONDAY, MEDICAL_REVIEWER)).after();
		file = file.approve("fund-seal", null, on(MONDAY, FUND_REVIEWER)).after();
		CaseChange last = file.approve("fund-withdraw", "公积金已转入本人银行卡", on(MONDAY.plusDays(1), FUND_REVIEWER));

		assertThat(last.after().completion().result()).isEqualTo(Completion.Result.APPROVED);
		assertThat(last.after().completion().collect()).containsExactly("退休审批表", "公积金已转入本人银行卡");
		assertThat(last.events()).extracting(CaseEvent::kind).containsExactly("StepDecided", "ApplicationCompleted");
	}

	@Test
	void theApplicantIsRemindedOnceShortlyBeforeTheCorrectionDeadline() {
		CaseFile waiting = noticeForFormAndPhoto();
		LocalDate correctBy = waiting.latestNotice().orElseThrow().correctBy();
		LocalDate twoDaysBefore = correctBy;
		for (int counted = 0; counted < 2; ) {
			twoDaysBefore = twoDaysBefore.minusDays(1);
			counted += CaseFixture.CALENDAR.isWorkingDay(twoDaysBefore, waiting.region()) ? 1 : 0;
		}

		CaseChange early = waiting.checkDeadlines(on(MONDAY.plusDays(2), Actor.SYSTEM));
		CaseChange reminder = waiting.checkDeadlines(on(twoDaysBefore, Actor.SYSTEM));
		CaseChange again = reminder.after().checkDeadlines(on(twoDaysBefore.plusDays(1), Actor.SYSTEM));

		assertThat(early.changedNothing()).isTrue();
		assertThat(reminder.events()).extracting(CaseEvent::kind).containsExactly("CorrectionDeadlineNear");
		assertThat(again.changedNothing()).isTrue();
	}

	@Test
	void onlyTheHeadExtendsTheDeadlineOnceByFifteenWorkingDaysWithAReason() {
		CaseFile accepted = received(true).checkDeadlines(on(workingDaysAfter(MONDAY, 6), Actor.SYSTEM)).after();

		assertThatThrownBy(() -> accepted.extendDeadline("材料需要实地核查", on(MONDAY.plusDays(10), WINDOW)))
				.isInstanceOf(CaseRuleViolation.class);
		assertThatThrownBy(() -> accepted.extendDeadline("材料需要实地核查", on(MONDAY.plusDays(10), SUPERVISOR)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("机关负责人");
		CaseChange extension = accepted.extendDeadline("材料需要实地核查", on(MONDAY.plusDays(10), HEAD));
		CaseFile extended = extension.after();

		assertThat(extension.events()).extracting(CaseEvent::kind).containsExactly("DeadlineExtended");

		assertThat(extended.deadline().orElseThrow().dueDate(CaseFixture.CALENDAR)).isEqualTo(workingDaysAfter(MONDAY, 35));
		assertThatThrownBy(() -> extended.extendDeadline("再次延长", on(MONDAY.plusDays(11), HEAD)))
				.isInstanceOf(CaseRuleViolation.class);
	}

	@Test
	void aDecidedStepCannotBeDecidedAgain() {
		CaseFile approved = received(true).approve("pension", null, on(MONDAY, PENSION_REVIEWER)).after();

		assertThatThrownBy(() -> approved.refuse("pension", "改判", on(MONDAY, PENSION_REVIEWER)))
				.isInstanceOf(CaseRuleViolation.class).hasMessageContaining("已通过");
	}

	/** Both parallel departments flagged on Monday and Tuesday: notice 1 lists the form and the photo. */
	private static CaseFile noticeForFormAndPhoto() {
		return received(true)
				.flag("pension", List.of(missing("retirement-form", "未提交退休申请表")), on(MONDAY, PENSION_REVIEWER)).after()
				.flag("medical", List.of(defective("photo", "照片不是近期免冠照")), on(MONDAY.plusDays(1), MEDICAL_REVIEWER)).after();
	}

	private static List<StepState> states(CaseFile file) {
		return file.steps().stream().map(CaseStep::state).toList();
	}
}
