package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.calendar.Suspension;

/**
 * A working copy of a case during one command: the rules shared by commands (activating steps, closing a review
 * round into a one-time notice, acceptance, completion) applied in one place, collecting events as they happen.
 */
final class CaseWork {

	private final CaseFile base;
	private final CaseContext context;
	private final List<CaseEvent> events = new ArrayList<>();
	private CaseStatus status;
	private final List<CaseStep> steps;
	private final List<String> roundSteps;
	private final List<Flag> pendingFlags;
	private final List<OneTimeNotice> notices;
	private final List<Suspension> suspensions;
	private LocalDate waitingSince;
	private int warnedNoticeVersion;
	private Acceptance acceptance;
	private Promise promise;
	private String extensionReason;
	private Completion completion;
	private final List<SpecialProcedure> specialProcedures;
	private LocalDate extendedOn;
	private final List<String> preReviewed;

	/** A working copy on the context's day, with the time rules applied before any command. */
	static CaseWork asOf(CaseFile base, CaseContext context) {
		CaseWork work = new CaseWork(base, context);
		work.applyTimeRules();
		return work;
	}

	CaseWork(CaseFile base, CaseContext context) {
		this.base = base;
		this.context = context;
		this.status = base.status();
		this.steps = new ArrayList<>(base.steps());
		this.roundSteps = new ArrayList<>(base.roundSteps());
		this.pendingFlags = new ArrayList<>(base.pendingFlags());
		this.notices = new ArrayList<>(base.notices());
		this.suspensions = new ArrayList<>(base.suspensions());
		this.waitingSince = base.waitingForCorrectionSince();
		this.warnedNoticeVersion = base.warnedNoticeVersion();
		this.acceptance = base.acceptance();
		this.promise = base.promise();
		this.extensionReason = base.extensionReason();
		this.completion = base.completion();
		this.specialProcedures = new ArrayList<>(base.specialProcedures());
		this.extendedOn = base.extendedOn();
		this.preReviewed = new ArrayList<>(base.preReviewed());
	}

	CaseChange done() {
		return new CaseChange(current(), events);
	}

	private CaseFile current() {
		return new CaseFile(base.id(), base.receiptCode(), base.terms(), base.receivedOn(), status, steps,
				roundSteps, pendingFlags, notices, suspensions, waitingSince, warnedNoticeVersion, acceptance, promise,
				extensionReason, completion, specialProcedures, extendedOn, preReviewed);
	}

	/** The case as this command left it so far, for rules kept in classes of their own. */
	CaseFile peek() {
		return current();
	}

	/**
	 * 行政许可法 §32: once the last day to ask for corrections has passed, the case is accepted, from the day of
	 * receipt (no notice within five working days, (4)) or from the day the corrections arrived (a complete
	 * correction is accepted, (5)). Derived from the facts and the calendar on every command and read, so it holds
	 * the same whenever, or whether, the scheduled check ran.
	 */
	private void applyTimeRules() {
		CaseFile now = current();
		LocalDate lastDay = now.lastDayToAsk(context.calendar()).orElse(null);
		if (lastDay == null || !today().isAfter(lastDay)) {
			return;
		}
		if (notices.isEmpty()) {
			acceptByLaw(Acceptance.Basis.DEEMED, base.receivedOn());
		}
		else {
			acceptByLaw(Acceptance.Basis.CORRECTIONS_UNREVIEWED, now.correctionsUnderReviewSince().orElseThrow());
		}
	}

	/**
	 * Flags that never became a notice in time are not asked for: the departments review what they have. The rule
	 * accepts, not whoever happened to touch the case, so the system is the actor.
	 */
	private void acceptByLaw(Acceptance.Basis basis, LocalDate effectiveOn) {
		acceptance = new Acceptance(effectiveOn, basis, today());
		record(new CaseEvent.ApplicationAccepted(Actor.SYSTEM, context.now(), acceptance));
		pendingFlags.clear();
		roundSteps.clear();
		reactivateFlaggedSteps();
	}

	void record(CaseEvent event) {
		events.add(event);
	}

	void flag(String stepId, List<Flag> flags, String exceptionReason) {
		CaseStep step = activeStep(stepId);
		if (flags.isEmpty()) {
			throw new CaseRuleViolation("请至少列出一项需要补正的材料");
		}
		List<Flag> ownFlags = ownFlags(stepId, flags);
		List<Flag> beyondNotice = beyondTheNotice(ownFlags);
		if (!beyondNotice.isEmpty() && exceptionReason == null) {
			if (acceptance != null && acceptance.basis().byLaw()) {
				throw new CaseRuleViolation("本件" + acceptance.basis().label() + "（受理日期 " + acceptance.effectiveOn()
						+ "），不能再发一次性告知；确需补正的，须由主管登记例外并写明理由");
			}
			throw new CaseRuleViolation("一次性告知已经发出（或已受理），“" + names(beyondNotice)
					+ "”不在告知内容中；新增补正内容须由主管登记例外并写明理由");
		}
		replace(step.to(StepState.FLAGGED));
		record(new CaseEvent.MaterialsFlagged(context.actor(), context.now(), stepId, ownFlags));
		if (!beyondNotice.isEmpty()) {
			record(new CaseEvent.ExceptionRecorded(context.actor(), context.now(), stepId, beyondNotice, exceptionReason));
		}
		if (status == CaseStatus.AWAITING_CORRECTION) {
			amendNotice(beyondNotice);
		}
		else {
			pendingFlags.addAll(ownFlags);
			closeRoundIfDone();
		}
	}

	/** The flags as the step's own, with the material names of the case's terms. */
	private List<Flag> ownFlags(String stepId, List<Flag> flags) {
		for (Flag flag : flags) {
			if (!base.terms().materials().containsKey(flag.materialKey())) {
				throw new CaseRuleViolation("本件没有“" + flag.materialKey() + "”这项材料");
			}
		}
		return flags.stream()
				.map(f -> new Flag(stepId, f.materialKey(), base.terms().materials().get(f.materialKey()), f.problem(), f.reason()))
				.toList();
	}

	/**
	 * 部门预审 (docs/legal.md §3.5): a later serial department checks its items' materials while the one notice can
	 * still hold what it finds. The round does not wait for it: the departments reviewing now decide when the notice
	 * goes out, as before; on the notice's last day a pre-review flag goes out at once, like any other.
	 */
	void preReview(String stepId, List<Flag> flags) {
		CaseStep step = existingStep(stepId);
		if (step.state() != StepState.WAITING) {
			throw new CaseRuleViolation("“" + step.plan().name() + "”当前" + step.state().label() + "，不需要预审");
		}
		if (!current().noticeWindowOpen()) {
			throw new CaseRuleViolation("本件已发出一次性告知或已受理，预审已经结束；“" + step.plan().name()
					+ "”开始审查后发现的新问题，须由主管登记例外并写明理由");
		}
		if (preReviewed.contains(stepId)) {
			throw new CaseRuleViolation("“" + step.plan().name() + "”已经预审过");
		}
		if (!current().awaitingPreReview().contains(step)) {
			throw new CaseRuleViolation("本部门正在审查本件的其他环节，需要补正的材料请在该环节一并提出");
		}
		List<Flag> ownFlags = ownFlags(stepId, flags);
		preReviewed.add(stepId);
		record(new CaseEvent.MaterialsPreReviewed(context.actor(), context.now(), stepId, ownFlags));
		if (!ownFlags.isEmpty()) {
			pendingFlags.addAll(ownFlags);
			closeRoundIfDone();
		}
	}

	/**
	 * 不予受理 before anything is decided on the merits: once a step is decided, or the case accepted (by a department
	 * or by the time rules), the application can only be decided, step by step.
	 */
	void refuseToAccept(String reason, String referTo) {
		if (completion != null) {
			throw new CaseRuleViolation("本件已办结");
		}
		if (context.actor().kind() == Actor.Kind.APPLICANT || context.actor().kind() == Actor.Kind.SYSTEM) {
			throw new CaseRuleViolation("不予受理须由窗口、审查部门或主管作出");
		}
		if (reason == null || reason.isBlank()) {
			throw new CaseRuleViolation("不予受理必须写明理由");
		}
		if (acceptance != null) {
			throw new CaseRuleViolation("本件已于 " + acceptance.effectiveOn() + " 受理（" + acceptance.basis().label()
					+ "），不能再不予受理；不予批准的，由审查部门对其环节作出不予许可决定");
		}
		if (steps.stream().anyMatch(s -> s.state() == StepState.APPROVED || s.state() == StepState.REFUSED)) {
			throw new CaseRuleViolation("已有环节作出审批决定，不能再不予受理");
		}
		if (status == CaseStatus.AWAITING_CORRECTION) {
			endWaitingForCorrection();
		}
		pendingFlags.clear();
		roundSteps.clear();
		NonAcceptance decision = new NonAcceptance(today(), reason.strip(),
				referTo == null || referTo.isBlank() ? null : referTo.strip(), context.actor());
		skipAllOpenSteps("不予受理：" + decision.reason());
		completion = new Completion(today(), Completion.Result.NOT_ACCEPTED, List.of(), allItems(), List.of(), decision);
		status = CaseStatus.COMPLETED;
		record(new CaseEvent.ApplicationCompleted(context.actor(), context.now(), completion));
	}

	/**
	 * Once a notice is out, or the case is accepted, a department may only repeat what the notice listed; once the
	 * law accepted the case because nobody asked in time, it may ask for nothing more on its own.
	 */
	private List<Flag> beyondTheNotice(List<Flag> flags) {
		if (acceptance != null && acceptance.basis().byLaw()) {
			return flags;
		}
		boolean windowClosed = !notices.isEmpty() || acceptance != null;
		if (!windowClosed) {
			return List.of();
		}
		OneTimeNotice latest = notices.isEmpty() ? null : notices.get(notices.size() - 1);
		return flags.stream().filter(f -> latest == null || !latest.lists(f.materialKey())).toList();
	}

	void decide(String stepId, StepState outcome, String reason, String resultNote) {
		CaseStep step = activeStep(stepId);
		if (outcome == StepState.REFUSED && acceptance == null && status == CaseStatus.AWAITING_CORRECTION) {
			throw new CaseRuleViolation("本件正在等待补正、尚未受理，不能作出不予许可决定；申请不符合受理条件的，请作出不予受理决定");
		}
		replace(step.decided(outcome, reason, resultNote, context.actor(), context.now()));
		record(new CaseEvent.StepDecided(context.actor(), context.now(), stepId, outcome, reason));
		if (outcome == StepState.REFUSED && !base.terms().partialOutcomes()) {
			endTogether(step);
		}
		activateReadySteps();
		closeRoundIfDone();
		completeIfDone();
	}

	/**
	 * 不予许可 in a bundle whose items end together (docs/legal.md §3.6): every step not decided yet ends with the
	 * refusal as its reason, so nothing can be approved afterwards, whatever the order of the decisions; flags not
	 * yet issued are dropped, since a case that cannot succeed asks the applicant for nothing.
	 */
	private void endTogether(CaseStep refused) {
		pendingFlags.clear();
		roundSteps.clear();
		skipAllOpenSteps("本件各事项须一并办结，因“" + refused.plan().name() + "”不予许可，本环节终止");
	}

	/** Starts steps whose dependencies are all approved; ends those behind a refused or ended step, saying which. */
	void activateReadySteps() {
		boolean changed = true;
		while (changed) {
			changed = false;
			Map<String, List<String>> skippedByReason = new LinkedHashMap<>();
			for (CaseStep step : List.copyOf(steps)) {
				if (step.state() != StepState.WAITING) {
					continue;
				}
				Set<StepState> dependencies = step.plan().dependsOn().stream().map(this::stateOf).collect(Collectors.toSet());
				if (dependencies.contains(StepState.REFUSED) || dependencies.contains(StepState.SKIPPED)) {
					String why = endedBecause(step);
					replace(step.skipped(why));
					skippedByReason.computeIfAbsent(why, reason -> new ArrayList<>()).add(step.id());
					changed = true;
				}
				else if (dependencies.stream().allMatch(s -> s == StepState.APPROVED)) {
					replace(step.to(StepState.ACTIVE));
					record(new CaseEvent.StepActivated(context.actor(), context.now(), step.id(), step.plan().departmentId()));
					changed = true;
				}
			}
			skippedByReason.forEach((why, skipped) -> record(new CaseEvent.StepsSkipped(context.actor(), context.now(), skipped, why)));
		}
	}

	/** The refusal a step cannot run after: its refused dependency's, or the one that ended a dependency before it. */
	private String endedBecause(CaseStep step) {
		List<CaseStep> dependencies = step.plan().dependsOn().stream().map(this::existingStep).toList();
		return dependencies.stream().filter(d -> d.state() == StepState.REFUSED).findFirst()
				.map(refused -> "因前序环节“" + refused.plan().name() + "”不予许可，本环节终止")
				.orElseGet(() -> dependencies.stream().filter(d -> d.state() == StepState.SKIPPED).map(CaseStep::reason)
						.filter(Objects::nonNull).findFirst().orElse(StepEnding.REASON_UNRECORDED));
	}

	/**
	 * The departments reviewing now make up the round; steps started later by an approval (串联) may still add to
	 * it while it is open, but acceptance does not wait for them.
	 */
	void startRoundWithActiveSteps() {
		roundSteps.clear();
		steps.stream().filter(s -> s.state() == StepState.ACTIVE).map(CaseStep::id).forEach(roundSteps::add);
	}

	/**
	 * A review round ends when no department of the round is still reviewing: one notice for all flags, or acceptance.
	 * On the last day to ask, a flag goes out at once with everything flagged so far: waiting for the others would
	 * let the day pass and the law accept the case.
	 */
	private void closeRoundIfDone() {
		if (status != CaseStatus.REVIEWING) {
			return;
		}
		boolean othersReviewing = roundSteps.stream().anyMatch(id -> stateOf(id) == StepState.ACTIVE);
		boolean lastDay = !pendingFlags.isEmpty() && current().lastDayToAsk(context.calendar()).filter(today()::equals).isPresent();
		if (othersReviewing && !lastDay) {
			return;
		}
		roundSteps.clear();
		if (!pendingFlags.isEmpty()) {
			OneTimeNotice.Trigger trigger = !othersReviewing ? OneTimeNotice.Trigger.ALL_REVIEWED
					: notices.isEmpty() ? OneTimeNotice.Trigger.FIVE_DAY_LIMIT : OneTimeNotice.Trigger.REVIEW_LIMIT;
			issueNotice(List.copyOf(pendingFlags), trigger);
		}
		else if (acceptance == null && completion == null) {
			accept(notices.isEmpty() ? Acceptance.Basis.COMPLETE : Acceptance.Basis.CORRECTED, today());
		}
	}

	private void issueNotice(List<Flag> items, OneTimeNotice.Trigger trigger) {
		LocalDate correctBy = context.calendar().addWorkingDays(today(), base.terms().correctionWorkingDays(), base.region());
		OneTimeNotice notice = new OneTimeNotice(notices.size() + 1, today(), correctBy, items, trigger);
		notices.add(notice);
		pendingFlags.clear();
		if (status != CaseStatus.AWAITING_CORRECTION) {
			status = CaseStatus.AWAITING_CORRECTION;
			waitingSince = today();
		}
		record(new CaseEvent.NoticeIssued(context.actor(), context.now(), notice));
	}

	/** A supervisor's exception while the applicant is correcting: the applicant is told the new items at once. */
	private void amendNotice(List<Flag> newItems) {
		if (newItems.isEmpty()) {
			return;
		}
		List<Flag> items = new ArrayList<>(notices.get(notices.size() - 1).items());
		items.addAll(newItems);
		issueNotice(items, OneTimeNotice.Trigger.ALL_REVIEWED);
	}

	void submitCorrection() {
		if (status != CaseStatus.AWAITING_CORRECTION) {
			throw new CaseRuleViolation("本件当前不需要补正");
		}
		endWaitingForCorrection();
		record(new CaseEvent.CorrectionSubmitted(context.actor(), context.now(), notices.get(notices.size() - 1).version()));
		reactivateFlaggedSteps();
		startRoundWithActiveSteps();
		closeRoundIfDone();
	}

	void acceptTolerantly(String signature, LocalDate supplyBy) {
		if (status != CaseStatus.AWAITING_CORRECTION || acceptance != null) {
			throw new CaseRuleViolation("只有尚未受理、等待补正的申请可以容缺受理");
		}
		if (signature == null || signature.isBlank() || supplyBy == null || !supplyBy.isAfter(today())) {
			throw new CaseRuleViolation("容缺受理须有申请人签字的承诺书和晚于今天的补齐期限");
		}
		List<Flag> missing = notices.get(notices.size() - 1).items();
		List<Flag> essential = missing.stream().filter(f -> !base.terms().tolerableMaterials().contains(f.materialKey())).toList();
		if (!essential.isEmpty()) {
			throw new CaseRuleViolation("“" + names(essential) + "”不是可容缺的次要材料，不能容缺受理");
		}
		endWaitingForCorrection();
		promise = new Promise(missing.stream().map(Flag::materialKey).distinct().toList(), supplyBy, signature, false);
		accept(Acceptance.Basis.TOLERANT, today());
		reactivateFlaggedSteps();
	}

	void extend(String reason) {
		if (context.actor().kind() != Actor.Kind.HEAD) {
			throw new CaseRuleViolation("延长办理期限须经机关负责人批准");
		}
		if (acceptance == null || completion != null || extensionReason != null || reason == null || reason.isBlank()) {
			throw new CaseRuleViolation("只有已受理、未办结、尚未延长过的案件可以延长一次，并须写明理由");
		}
		extensionReason = reason;
		extendedOn = today();
		record(new CaseEvent.DeadlineExtended(context.actor(), context.now(), reason));
	}

	void startSpecialProcedure(SpecialProcedure started) {
		specialProcedures.add(started);
		record(new CaseEvent.SpecialProcedureStarted(context.actor(), context.now(), started));
	}

	void endSpecialProcedure(SpecialProcedure ended) {
		specialProcedures.replaceAll(p -> p.number() == ended.number() ? ended : p);
		record(new CaseEvent.SpecialProcedureEnded(context.actor(), context.now(), ended,
				CaseSchedule.of(current(), context.calendar()).suspendedWorkingDays(ended)));
	}

	/** Only the reminder is the check's own; acceptance by the time rules was applied before it ran (asOf). */
	void checkDeadlines() {
		if (completion != null) {
			return;
		}
		if (status == CaseStatus.AWAITING_CORRECTION) {
			OneTimeNotice latest = notices.get(notices.size() - 1);
			int left = context.calendar().workingDaysBetween(today(), latest.correctBy(), base.region());
			if (left <= CaseFile.CORRECTION_REMINDER_WORKING_DAYS && warnedNoticeVersion < latest.version()) {
				warnedNoticeVersion = latest.version();
				record(new CaseEvent.CorrectionDeadlineNear(context.actor(), context.now(), latest.version(), latest.correctBy()));
			}
		}
	}

	private void accept(Acceptance.Basis basis, LocalDate effectiveOn) {
		acceptance = new Acceptance(effectiveOn, basis, today());
		record(new CaseEvent.ApplicationAccepted(context.actor(), context.now(), acceptance));
	}

	private void completeIfDone() {
		if (completion != null || !steps.stream().allMatch(s -> s.state().isDecided())) {
			return;
		}
		if (status == CaseStatus.AWAITING_CORRECTION) {
			endWaitingForCorrection();
		}
		pendingFlags.clear();
		// items that end together: one refusal, and what was approved before it is not granted either
		boolean endedTogether = !base.terms().partialOutcomes() && steps.stream().anyMatch(s -> s.state() == StepState.REFUSED);
		List<String> approved = endedTogether ? List.of() : itemsWhere(StepState.APPROVED);
		List<String> refused = allItems().stream().filter(code -> !approved.contains(code)).toList();
		Completion.Result result = refused.isEmpty() ? Completion.Result.APPROVED
				: approved.isEmpty() ? Completion.Result.REFUSED : Completion.Result.PARTLY_APPROVED;
		List<String> collect = endedTogether ? List.of() : steps.stream()
				.filter(s -> s.state() == StepState.APPROVED && s.resultNote() != null).map(CaseStep::resultNote).toList();
		completion = new Completion(today(), result, approved, refused, collect, null);
		status = CaseStatus.COMPLETED;
		record(new CaseEvent.ApplicationCompleted(context.actor(), context.now(), completion));
	}

	private List<String> allItems() {
		return base.terms().plan().stream().flatMap(p -> p.itemCodes().stream()).distinct().toList();
	}

	/** An item is approved when every step deciding it approved it. */
	private List<String> itemsWhere(StepState state) {
		return allItems().stream()
				.filter(code -> steps.stream().filter(s -> s.plan().itemCodes().contains(code)).allMatch(s -> s.state() == state))
				.toList();
	}

	private void skipAllOpenSteps(String reason) {
		List<String> skipped = new ArrayList<>();
		for (CaseStep step : List.copyOf(steps)) {
			if (!step.state().isDecided()) {
				replace(step.skipped(reason));
				skipped.add(step.id());
			}
		}
		if (!skipped.isEmpty()) {
			record(new CaseEvent.StepsSkipped(context.actor(), context.now(), skipped, reason));
		}
	}

	private void reactivateFlaggedSteps() {
		for (CaseStep step : List.copyOf(steps)) {
			if (step.state() == StepState.FLAGGED) {
				replace(step.to(StepState.ACTIVE));
				record(new CaseEvent.StepActivated(context.actor(), context.now(), step.id(), step.plan().departmentId()));
			}
		}
	}

	private void endWaitingForCorrection() {
		int version = notices.get(notices.size() - 1).version();
		suspensions.add(new Suspension(waitingSince, today(), "等待补正（第" + version + "号一次性告知）"));
		waitingSince = null;
		status = CaseStatus.REVIEWING;
	}

	private CaseStep activeStep(String stepId) {
		if (status == CaseStatus.COMPLETED) {
			throw new CaseRuleViolation("本件已办结");
		}
		CaseStep step = existingStep(stepId);
		if (step.state() != StepState.ACTIVE) {
			throw new CaseRuleViolation("“" + step.plan().name() + "”当前" + step.state().label() + "，不能作出决定");
		}
		return step;
	}

	private CaseStep existingStep(String stepId) {
		return steps.stream().filter(s -> s.id().equals(stepId)).findFirst()
				.orElseThrow(() -> new CaseRuleViolation("本件没有“" + stepId + "”这个审批环节"));
	}

	private StepState stateOf(String stepId) {
		return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().map(CaseStep::state).orElseThrow();
	}

	private void replace(CaseStep step) {
		steps.replaceAll(s -> s.id().equals(step.id()) ? step : s);
	}

	private LocalDate today() {
		return context.today();
	}

	private static String names(List<Flag> flags) {
		return flags.stream().map(Flag::materialName).distinct().collect(Collectors.joining("、"));
	}
}
