package cn.onething.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onething.casework.CaseNews;
import cn.onething.casework.model.Acceptance;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.Completion;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.casework.model.StepState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an applicant is told about each case event, in words that fit a template message. */
class PushWordingTests {

	static final Instant AT = Instant.parse("2026-03-02T02:05:00Z");
	static final Actor STAFF = new Actor(Actor.Kind.REVIEWER, "police", "审核员");
	static final PushWording WORDING = new PushWording("政务服务中心办结窗口");

	@Test
	void acceptanceSaysOnWhichBasis() {
		assertThat(told(accepted(Acceptance.Basis.COMPLETE))).isEqualTo(new Told(PushKind.ACCEPTED, "已受理", "材料齐全，予以受理"));
		assertThat(told(accepted(Acceptance.Basis.CORRECTED)).remark()).isEqualTo("补正后材料齐全，予以受理");
		assertThat(told(accepted(Acceptance.Basis.TOLERANT))).isEqualTo(new Told(PushKind.ACCEPTED, "容缺受理", "容缺受理，请按承诺期限补齐材料"));
	}

	@Test
	void deemedAcceptanceSaysItIsDeemedAndFromTheDayOfReceipt() {
		assertThat(told(accepted(Acceptance.Basis.DEEMED)))
				.isEqualTo(new Told(PushKind.ACCEPTED, "视为受理", "逾期未告知补正，自1月5日起视为受理"));
	}

	@Test
	void unreviewedCorrectionsSayTheyAreAcceptedFromTheDayTheyArrived() {
		assertThat(told(accepted(Acceptance.Basis.CORRECTIONS_UNREVIEWED)))
				.isEqualTo(new Told(PushKind.ACCEPTED, "已受理", "补正材料逾期未审查，自1月5日起受理"));
	}

	@Test
	void theOneTimeNoticeTellsHowManyItemsAndByWhenNotTheItemsThemselves() {
		Flag missing = new Flag("hukou", "household-register", "居民户口簿", Flag.Problem.MISSING, "未带户口簿");
		Flag defective = new Flag("insurance", "birth-certificate", "出生医学证明", Flag.Problem.DEFECTIVE, "复印件不清晰");
		OneTimeNotice notice = new OneTimeNotice(1, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16),
				List.of(missing, defective), OneTimeNotice.Trigger.ALL_REVIEWED);

		assertThat(told(new CaseEvent.NoticeIssued(STAFF, AT, notice)))
				.isEqualTo(new Told(PushKind.NOTICE, "需补正", "需补正2项材料，请于3月16日前补齐"));
	}

	@Test
	void aDecidedStepIsNamedAsTheCaseWasFiledAndIsDebounced() {
		Told approved = told(new CaseEvent.StepDecided(STAFF, AT, "hukou", StepState.APPROVED, null));
		Told refused = told(new CaseEvent.StepDecided(STAFF, AT, "insurance", StepState.REFUSED, "不符合条件"));

		assertThat(approved).isEqualTo(new Told(PushKind.STEPS, "审批进展", "出生登记（落户）已通过"));
		assertThat(refused.remark()).isEqualTo("医保参保不予批准");
		assertThat(PushKind.STEPS.debounced()).isTrue();
		assertThat(told(new CaseEvent.StepDecided(STAFF, AT, "renamed", StepState.APPROVED, null)).remark())
				.as("a step the news cannot name is shown by its id").isEqualTo("renamed已通过");
	}

	@Test
	void skippedStepsAreToldAsEnded() {
		assertThat(told(new CaseEvent.StepsSkipped(Actor.SYSTEM, AT, List.of("insurance", "card"), "前序环节不予批准")))
				.isEqualTo(new Told(PushKind.STEPS, "审批进展", "医保参保、社保卡申领已终止"));
	}

	@Test
	void theResultSaysWhatToCollectOrWhere() {
		assertThat(told(completed(Completion.Result.APPROVED, List.of("户口簿当场领取", "社保卡邮寄到家"))))
				.isEqualTo(new Told(PushKind.COMPLETED, "已办结", "领取：户口簿当场领取；社保卡邮寄到家"));
		assertThat(told(completed(Completion.Result.PARTLY_APPROVED, List.of())))
				.isEqualTo(new Told(PushKind.COMPLETED, "部分办结", "请到政务服务中心办结窗口领取办理结果"));
		assertThat(told(completed(Completion.Result.REFUSED, List.of())))
				.isEqualTo(new Told(PushKind.COMPLETED, "不予批准", "不予批准的理由和救济途径请查看办理进度"));
		assertThat(told(completed(Completion.Result.NOT_ACCEPTED, List.of())))
				.isEqualTo(new Told(PushKind.COMPLETED, "不予受理", "不予受理的理由和救济途径请查看办理进度"));
	}

	@Test
	void aCorrectionDeadlineDrawingNearAndAnExtensionAreTold() {
		assertThat(told(new CaseEvent.CorrectionDeadlineNear(Actor.SYSTEM, AT, 1, LocalDate.of(2026, 12, 31))))
				.isEqualTo(new Told(PushKind.DEADLINE_NEAR, "补正将到期", "补正期限12月31日，请尽快补齐材料"));
		assertThat(told(new CaseEvent.DeadlineExtended(STAFF, AT, "需专家评审")))
				.isEqualTo(new Told(PushKind.EXTENDED, "延期办理", "延期原因：需专家评审"));
	}

	@Test
	void idAndPhoneNumbersInWhatStaffWroteAreMasked() {
		String remark = told(new CaseEvent.DeadlineExtended(STAFF, AT, "申请人451421199001011238来电13812345678")).remark();

		assertThat(remark).contains("451****1238", "138****5678").doesNotContain("451421199001011238", "13812345678");
		assertThat(told(completed(Completion.Result.APPROVED, List.of("联系13812345678领取"))).remark()).isEqualTo("领取：联系138****5678领取");
	}

	@Test
	void newsTheApplicantNeedNotBeToldPushesNothing() {
		List<CaseEvent> silent = List.of(
				new CaseEvent.ApplicationSubmitted(STAFF, AT, "FS23456789", "newborn", LocalDate.of(2026, 3, 2)),
				new CaseEvent.StepActivated(Actor.SYSTEM, AT, "card", "human-resources"),
				new CaseEvent.MaterialsFlagged(STAFF, AT, "hukou", List.of()),
				new CaseEvent.ExceptionRecorded(STAFF, AT, "hukou", List.of(), "主管同意"),
				new CaseEvent.CorrectionSubmitted(Actor.applicant(), AT, 1));

		assertThat(silent).allSatisfy(event -> assertThat(WORDING.of(news(event), event)).as(event.kind()).isEmpty());
	}

	@Test
	void everyStatusIsAPhraseOfAtMostFiveChineseCharactersAndEveryFixedRemarkFitsTwentyCharacters() {
		List<CaseEvent> longest = List.of(accepted(Acceptance.Basis.DEEMED), accepted(Acceptance.Basis.CORRECTED),
				accepted(Acceptance.Basis.CORRECTIONS_UNREVIEWED),
				new CaseEvent.NoticeIssued(STAFF, AT, new OneTimeNotice(1, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31),
						Collections.nCopies(12, new Flag("hukou", "a", "材料", Flag.Problem.MISSING, "缺")),
						OneTimeNotice.Trigger.ALL_REVIEWED)),
				new CaseEvent.CorrectionDeadlineNear(Actor.SYSTEM, AT, 1, LocalDate.of(2026, 12, 31)),
				completed(Completion.Result.REFUSED, List.of()), completed(Completion.Result.PARTLY_APPROVED, List.of()));

		for (CaseEvent event : longest) {
			Told told = told(event);
			assertThat(told.status()).as(event.kind()).matches("\\p{IsHan}{1,5}");
			assertThat(told.remark().codePointCount(0, told.remark().length())).as(told.remark()).isLessThanOrEqualTo(20);
		}
		assertThat(PushWording.bound(AT).remark()).hasSizeLessThanOrEqualTo(20);
	}

	private static CaseEvent accepted(Acceptance.Basis basis) {
		return new CaseEvent.ApplicationAccepted(Actor.SYSTEM, AT, new Acceptance(LocalDate.of(2026, 1, 5), basis, LocalDate.of(2026, 1, 13)));
	}

	private static CaseEvent completed(Completion.Result result, List<String> collect) {
		return new CaseEvent.ApplicationCompleted(STAFF, AT,
				new Completion(LocalDate.of(2026, 3, 20), result, List.of("000707001000"), List.of(), collect, null));
	}

	static CaseNews news(CaseEvent event) {
		return new CaseNews("case-1", "FS23456789", "newborn", "新生儿出生一件事", 7, event.kind(), null,
				Map.of("hukou", "出生登记（落户）", "insurance", "医保参保", "card", "社保卡申领"));
	}

	private static Told told(CaseEvent event) {
		Optional<PushContent> content = WORDING.of(news(event), event);
		assertThat(content).as(event.kind()).isPresent();
		assertThat(content.get().lines()).singleElement().satisfies(line -> {
			assertThat(line.seq()).isEqualTo(7);
			assertThat(line.at()).isEqualTo(AT);
		});
		return new Told(content.get().kind(), content.get().status(), content.get().remark());
	}

	record Told(PushKind kind, String status, String remark) {
	}
}
