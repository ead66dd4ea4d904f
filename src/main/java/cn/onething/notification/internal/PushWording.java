package cn.onething.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.casework.CaseNews;
import cn.onething.casework.Glossary;
import cn.onething.casework.model.Acceptance;
import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.Completion;
import cn.onething.casework.model.StepState;
import cn.onething.wechat.Masking;

/**
 * Which case events an applicant is told about, in what words. Template values show at most 20 characters and no
 * line breaks (docs/wechat.md §2.2), so each push says the essential and links to the progress page, which shows
 * everything; status words are at most 5 Chinese characters (a {@code phrase} key, §3.3) and those of a case's
 * state come from the applicant glossary ({@link Glossary}), as on the pages and PDFs. Free text written by
 * staff is masked before it is stored, so no ID or phone number reaches a push.
 */
public final class PushWording {

	/** The status of a digest of step news, whatever its steps did. */
	static final String STEP_PROGRESS = "审批进展";

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("M月d日");

	private final String collectAt;

	public PushWording(String collectAt) {
		this.collectAt = collectAt;
	}

	/**
	 * What to push for this news, or empty when the applicant need not be told (the progress page shows it all):
	 * <ul>
	 * <li>ApplicationSubmitted: the applicant filed it and holds the receipt, nothing new to tell;</li>
	 * <li>StepActivated: a department starting its review changes nothing for the applicant;</li>
	 * <li>MaterialsFlagged, MaterialsPreReviewed, ExceptionRecorded: 行政许可法 §32 says missing materials are told once, completely, by the
	 * one-time notice that gathers every department's flags, never flag by flag; an exception's new items come as an
	 * amended notice;</li>
	 * <li>CorrectionSubmitted: the applicant corrected the materials themselves; what the departments decide next is
	 * pushed.</li>
	 * </ul>
	 */
	public Optional<PushContent> of(CaseNews news, CaseEvent event) {
		if (event instanceof CaseEvent.ApplicationAccepted accepted) {
			return Optional.of(accepted(news, accepted));
		}
		if (event instanceof CaseEvent.NoticeIssued issued) {
			return push(PushKind.NOTICE, Glossary.AWAITING_CORRECTION, news, event, Glossary.AWAITING_CORRECTION + issued.notice().items().size() + "项材料，请于"
					+ day(issued.notice().correctBy()) + "前补齐");
		}
		if (event instanceof CaseEvent.StepDecided decided) {
			return push(PushKind.STEPS, STEP_PROGRESS, news, event, news.stepName(decided.stepId()) + outcome(decided.outcome()));
		}
		if (event instanceof CaseEvent.StepsSkipped skipped) {
			return push(PushKind.STEPS, STEP_PROGRESS, news, event,
					skipped.stepIds().stream().map(news::stepName).collect(Collectors.joining("、")) + "已终止");
		}
		if (event instanceof CaseEvent.ApplicationCompleted completed) {
			return Optional.of(completed(news, completed));
		}
		if (event instanceof CaseEvent.CorrectionDeadlineNear near) {
			return push(PushKind.DEADLINE_NEAR, "补正将到期", news, event, "补正期限" + day(near.correctBy()) + "，请尽快补齐材料");
		}
		if (event instanceof CaseEvent.DeadlineExtended extended) {
			// 行政许可法 §42: the reason for extending is told to the applicant
			return push(PushKind.EXTENDED, "延期办理", news, event, "延期原因：" + extended.reason());
		}
		return Optional.empty();
	}

	private static PushContent accepted(CaseNews news, CaseEvent.ApplicationAccepted event) {
		Acceptance acceptance = event.acceptance();
		return switch (acceptance.basis()) {
			case COMPLETE, CORRECTED -> content(PushKind.ACCEPTED, Glossary.ACCEPTED, news, event, acceptance.basis().label());
			// 行政许可法 §32(4): no notice within five working days, so accepted from the day of receipt
			case DEEMED -> content(PushKind.ACCEPTED, "视为受理", news, event,
					"逾期未告知补正，自" + day(acceptance.effectiveOn()) + "起视为受理");
			// §32(5): corrections not reviewed by their due date count as accepted from the day they arrived
			case CORRECTIONS_UNREVIEWED -> content(PushKind.ACCEPTED, Glossary.ACCEPTED, news, event,
					"补正材料逾期未审查，自" + day(acceptance.effectiveOn()) + "起受理");
			case TOLERANT -> content(PushKind.ACCEPTED, "容缺受理", news, event, "容缺受理，请按承诺期限补齐材料");
		};
	}

	private PushContent completed(CaseNews news, CaseEvent.ApplicationCompleted event) {
		Completion completion = event.completion();
		String status = Glossary.result(completion.result());
		String remark;
		if (completion.result() == Completion.Result.REFUSED || completion.result() == Completion.Result.NOT_ACCEPTED) {
			remark = status + "的理由和救济途径请查看办理进度";
		}
		else if (completion.collect().isEmpty()) {
			remark = "请到" + collectAt + "领取办理结果";
		}
		else {
			remark = "领取：" + String.join("；", completion.collect());
		}
		return content(PushKind.COMPLETED, status, news, event, remark);
	}

	/** The confirmation of a binding (the brief text of WeChat's reply to a scan cannot name the case yet). */
	public static PushContent bound(Instant at) {
		return PushContent.of(PushKind.BOUND, "已绑定", new PushLine(0, "已绑定本办件，办理进度将在此通知您", at));
	}

	/** 好差评: the invitation to rate a completed case, sent once when the applicant has not rated it in time. */
	public static PushContent ratingInvitation(Instant at) {
		return PushContent.of(PushKind.RATING_INVITATION, "邀请评价", new PushLine(0, "本件已办结，请点击对本次服务进行评价", at));
	}

	private static Optional<PushContent> push(PushKind kind, String status, CaseNews news, CaseEvent event, String text) {
		return Optional.of(content(kind, status, news, event, text));
	}

	private static PushContent content(PushKind kind, String status, CaseNews news, CaseEvent event, String text) {
		return PushContent.of(kind, status, new PushLine(news.seq(), Masking.personalData(text), event.at()));
	}

	private static String outcome(StepState state) {
		return state == StepState.APPROVED ? "已通过" : state.label();
	}

	private static String day(LocalDate date) {
		return MONTH_DAY.format(date);
	}
}
