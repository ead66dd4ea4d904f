package cn.onething.casework.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.onething.calendar.JointHandlingLimit;
import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Remedies;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.casework.model.StepState;
import cn.onething.casework.web.RefusalsAndRemedies;
import io.swagger.v3.oas.annotations.media.Schema;

/** An application as its applicant follows it: what the progress page shows, as JSON. Personal data masked. */
@Schema(description = "An application's progress, as its applicant sees it")
record ApplicationProgress(
		String receiptCode,
		FiledApplication.BundleRef bundle,
		Labelled status,
		LocalDate receivedOn,
		@Schema(description = "The last day for the one-time notice (five working days after receipt); null once a notice "
				+ "was issued or the application accepted") LocalDate noticeDueOn,
		@Schema(description = "补正材料审查期限: after a correction, the last day to review it; if nobody asks again by then, "
				+ "the application counts as accepted from the day the corrections arrived. Null unless corrections are "
				+ "under review before acceptance") LocalDate correctionReviewDueOn,
		@Schema(description = "受理: when the statutory clock started, and on what basis, as the rules of 行政许可法 §32 say today; "
				+ "null until accepted") Acceptance acceptance,
		@Schema(description = "The decision's due date, moved by the days spent correcting; null until accepted") LocalDate dueOn,
		@Schema(description = "Working days left until dueOn (negative when overdue)") Integer workingDaysLeft,
		@Schema(description = "预计办结日期 by the working-day calendar: the latest due date of the open steps, capped by dueOn; "
				+ "before acceptance projected from the last day the application can still be asked to correct "
				+ "(expectedCompletionProjected); the completion day once completed; null while the applicant is correcting")
		LocalDate expectedCompletionOn,
		boolean expectedCompletionProjected,
		@Schema(description = "延长期限 by the authority's head (行政许可法 §42), with its reason; null when not extended") Extension extension,
		@Schema(description = "Special procedures (行政许可法 §45: 听证、检验检测、专家评审、现场勘验、公示) whose time is not counted, "
				+ "with their reasons, oldest first") List<Procedure> specialProcedures,
		@Schema(description = "Each approval step with its department; serial steps wait for those they depend on") List<StepProgress> steps,
		@Schema(description = "The one-time notice (一次性告知) the applicant must answer now: every item from every department, "
				+ "and the deadline; null when nothing is to be corrected") Notice notice,
		@Schema(description = "办结: the result and what to collect; null until completed") Completion completion,
		@Schema(description = "不予受理 or 不予许可: each item that did not end granted with its reason, the decisions to "
				+ "download and the remedies; null while nothing was refused") RefusalsAndRemedies refusals,
		@Schema(description = "The applicant, masked") Applicant applicant) {

	/** A code for programs and its Chinese label for people. */
	record Labelled(String code, String label) {
	}

	record Acceptance(LocalDate acceptedOn, Labelled basis) {
	}

	record Extension(@Schema(description = "Working days added") int workingDays, String reason, LocalDate approvedOn) {
	}

	/**
	 * @param endedOn the day its end was recorded; null while it runs
	 * @param suspendedWorkingDays the working days not counted so far (through expectedEndOn while it runs)
	 */
	record Procedure(String stepId, String step, Labelled kind, String reason, LocalDate startedOn, LocalDate expectedEndOn,
			LocalDate endedOn, boolean running, int suspendedWorkingDays) {
	}

	/**
	 * @param dueOn when the step is due: before acceptance, an active step's review is due by the notice's last day
	 *        (or, after a correction, by the last day to review it); after it, by the step's own limit from its
	 *        items' guides, never after the application's decision date
	 */
	record StepProgress(String id, String name, String departmentId, String department, Labelled state, LocalDate dueOn,
			@Schema(description = "Why it was refused or ended") String reason,
			@Schema(description = "The department's note for the applicant, e.g. where to collect a certificate") String resultNote) {
	}

	record Notice(int version, LocalDate issuedOn, LocalDate correctBy, List<NoticeItem> items) {
	}

	record NoticeItem(String material, String materialName, Labelled problem, String reason, String department) {
	}

	record Completion(LocalDate completedOn, Labelled result, List<Item> approvedItems, List<Item> refusedItems,
			@Schema(description = "What to collect, where") List<String> collect) {
	}

	record Item(String code, String name) {
	}

	/**
	 * @param departments department id → name; {@code items} item code → name (the current catalogue)
	 */
	static ApplicationProgress of(StoredCase stored, WorkingDayCalendar calendar, LocalDate today,
			Map<String, String> departments, Map<String, String> items, Remedies remedies, CaseLinks links) {
		CaseFile file = stored.file();
		CaseSchedule schedule = CaseSchedule.of(file, calendar);
		LocalDate noticeDue = file.acceptance() == null && file.notices().isEmpty() ? file.noticeDueOn(calendar) : null;
		LocalDate reviewDue = file.correctionReviewDueOn(calendar).orElse(null);
		LocalDate dueOn = file.completion() == null ? file.deadline().map(d -> d.dueDate(calendar)).orElse(null) : null;
		Integer daysLeft = dueOn == null ? null : file.deadline().map(d -> d.workingDaysLeft(today, calendar)).orElse(null);
		return new ApplicationProgress(file.receiptCode(), FiledApplication.BundleRef.of(file),
				new Labelled(file.status().name(), file.status().label()), file.receivedOn(), noticeDue,
				file.correctionReviewDueOn(calendar).orElse(null),
				file.acceptance() == null ? null : new Acceptance(file.acceptance().effectiveOn(),
						new Labelled(file.acceptance().basis().name(), file.acceptance().basis().label())),
				dueOn, daysLeft, schedule.expectedCompletionOn().orElse(null), schedule.projected() && file.completion() == null,
				file.extensionReason() == null ? null
						: new Extension(JointHandlingLimit.EXTENSION, file.extensionReason(), file.extendedOn()),
				file.specialProcedures().stream().map(procedure -> procedure(procedure, file, schedule)).toList(),
				file.steps().stream().map(step -> step(step, noticeDue != null ? noticeDue : reviewDue, schedule, departments)).toList(),
				file.status() == CaseStatus.AWAITING_CORRECTION ? file.latestNotice().map(n -> notice(n, file, departments)).orElse(null) : null,
				file.completion() == null ? null : completion(file.completion(), items),
				RefusalsAndRemedies.of(file, remedies, items, links).orElse(null),
				stored.applicant().masked());
	}

	private static StepProgress step(CaseStep step, LocalDate lastDayToAsk, CaseSchedule schedule, Map<String, String> departments) {
		LocalDate stepDue = step.state() == StepState.ACTIVE && lastDayToAsk != null ? lastDayToAsk
				: schedule.projected() ? null : schedule.stepDueOn(step.id()).orElse(null);
		String department = step.plan().departmentId();
		return new StepProgress(step.id(), step.plan().name(), department, departments.getOrDefault(department, department),
				new Labelled(step.state().name(), step.state().label()), stepDue,
				step.state() == StepState.APPROVED ? null : step.reason(), step.resultNote());
	}

	private static Procedure procedure(SpecialProcedure procedure, CaseFile file, CaseSchedule schedule) {
		return new Procedure(procedure.stepId(), file.step(procedure.stepId()).map(s -> s.plan().name()).orElse(procedure.stepId()),
				new Labelled(procedure.kind().name(), procedure.kind().label()), procedure.reason(), procedure.startedOn(),
				procedure.expectedEndOn(), procedure.endedOn(), procedure.running(), schedule.suspendedWorkingDays(procedure));
	}

	private static Notice notice(OneTimeNotice notice, CaseFile file, Map<String, String> departments) {
		return new Notice(notice.version(), notice.issuedOn(), notice.correctBy(), notice.items().stream()
				.map(flag -> new NoticeItem(flag.materialKey(), flag.materialName(),
						new Labelled(flag.problem().name(), flag.problem().label()), flag.reason(), department(flag, file, departments)))
				.toList());
	}

	private static String department(Flag flag, CaseFile file, Map<String, String> departments) {
		return file.step(flag.stepId()).map(step -> departments.getOrDefault(step.plan().departmentId(), step.plan().departmentId()))
				.orElse(null);
	}

	private static Completion completion(cn.onething.casework.model.Completion completion, Map<String, String> items) {
		return new Completion(completion.completedOn(), new Labelled(completion.result().name(), completion.result().label()),
				completion.approvedItems().stream().map(code -> new Item(code, items.getOrDefault(code, code))).toList(),
				completion.refusedItems().stream().map(code -> new Item(code, items.getOrDefault(code, code))).toList(),
				completion.collect());
	}
}
