package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.onething.calendar.Deadline;
import cn.onething.calendar.JointHandlingLimit;
import cn.onething.calendar.Region;
import cn.onething.calendar.Suspension;
import cn.onething.calendar.WorkingDayCalendar;

/**
 * A case (办件) of a one-thing bundle: its steps, the review round (the departments whose findings go into the
 * next one-time notice: those reviewing at receipt or after a correction) and its flags, the one-time notices issued,
 * the clock's suspensions, acceptance, a tolerant-acceptance promise, the completion and the waiting steps whose
 * departments pre-reviewed the materials (部门预审). Immutable: each command
 * returns a {@link CaseChange}; {@link CaseWork} holds the rules that commands share.
 * <p>
 * Acceptance by a time limit (行政许可法 §32) is a rule, not an event: every command first applies the rules as of
 * its day, and {@link #asOf} reads the case the same way, so what the case is never depends on when a scheduled
 * check last ran.
 */
public record CaseFile(
		String id,
		String receiptCode,
		CaseTerms terms,
		LocalDate receivedOn,
		CaseStatus status,
		List<CaseStep> steps,
		List<String> roundSteps,
		List<Flag> pendingFlags,
		List<OneTimeNotice> notices,
		List<Suspension> suspensions,
		LocalDate waitingForCorrectionSince,
		int warnedNoticeVersion,
		Acceptance acceptance,
		Promise promise,
		String extensionReason,
		Completion completion,
		List<SpecialProcedure> specialProcedures,
		LocalDate extendedOn,
		List<String> preReviewed) {

	/** 行政许可法 §32(4): the one-time notice is due within five working days of receipt. */
	public static final int NOTICE_WORKING_DAYS = 5;
	/** Staff and applicant are reminded this many working days before the correction deadline. */
	static final int CORRECTION_REMINDER_WORKING_DAYS = 2;

	public CaseFile {
		steps = List.copyOf(steps);
		roundSteps = List.copyOf(roundSteps);
		pendingFlags = List.copyOf(pendingFlags);
		notices = List.copyOf(notices);
		suspensions = List.copyOf(suspensions);
		// cases stored before §45 procedures were recorded have none
		specialProcedures = specialProcedures == null ? List.of() : List.copyOf(specialProcedures);
		// cases stored before 部门预审 have no such list in their JSON
		preReviewed = preReviewed == null ? List.of() : List.copyOf(preReviewed);
	}

	/** A new case, received today: steps without dependencies start at once (并联), the others wait (串联). */
	public static CaseChange submit(String id, String receiptCode, CaseTerms terms, CaseContext context) {
		CaseFile received = new CaseFile(id, receiptCode, terms, context.today(), CaseStatus.REVIEWING,
				terms.plan().stream().map(CaseStep::waiting).toList(), List.of(), List.of(), List.of(), List.of(), null, 0,
				null, null, null, null, List.of(), null, List.of());
		CaseWork work = new CaseWork(received, context);
		work.record(new CaseEvent.ApplicationSubmitted(context.actor(), context.now(), receiptCode, terms.bundleId(),
				context.today()));
		work.activateReadySteps();
		work.startRoundWithActiveSteps();
		return work.done();
	}

	public CaseChange flag(String stepId, List<Flag> flags, CaseContext context) {
		CaseWork work = CaseWork.asOf(this, context);
		work.flag(stepId, flags, null);
		return work.done();
	}

	/** A flag the notice did not list, allowed only by a supervisor with a reason (audited, shown on the case). */
	public CaseChange flagWithException(String stepId, List<Flag> flags, String reason, CaseContext supervisor) {
		if (supervisor.actor().kind() != Actor.Kind.SUPERVISOR) {
			throw new CaseRuleViolation("只有主管可以登记一次性告知以外的补正例外");
		}
		if (reason == null || reason.isBlank()) {
			throw new CaseRuleViolation("登记例外必须写明理由");
		}
		CaseWork work = CaseWork.asOf(this, supervisor);
		work.flag(stepId, flags, reason);
		return work.done();
	}

	public CaseChange approve(String stepId, String resultNote, CaseContext context) {
		SpecialProcedures.requireNoneRunning(this, stepId);
		CaseWork work = CaseWork.asOf(this, context);
		work.decide(stepId, StepState.APPROVED, null, resultNote);
		return work.done();
	}

	public CaseChange refuse(String stepId, String reason, CaseContext context) {
		if (reason == null || reason.isBlank()) {
			throw new CaseRuleViolation("不予批准必须写明理由");
		}
		SpecialProcedures.requireNoneRunning(this, stepId);
		CaseWork work = CaseWork.asOf(this, context);
		work.decide(stepId, StepState.REFUSED, reason, null);
		return work.done();
	}

	/**
	 * 部门预审: during the notice window a department whose step still waits for an earlier one checks the materials
	 * of its items; its flags go into the one notice with everyone else's. No flags means all is in order.
	 */
	public CaseChange preReview(String stepId, List<Flag> flags, CaseContext context) {
		CaseWork work = CaseWork.asOf(this, context);
		work.preReview(stepId, flags);
		return work.done();
	}

	/**
	 * 不予受理 (行政许可法 §32): before acceptance and before any step is decided, the window, a department of the
	 * bundle or a supervisor turns the application away with the reason and, where another authority is competent,
	 * where to apply instead. The case ends; every step ends with that reason.
	 */
	public CaseChange refuseToAccept(String reason, String referTo, CaseContext context) {
		CaseWork work = CaseWork.asOf(this, context);
		work.refuseToAccept(reason, referTo);
		return work.done();
	}

	/**
	 * The steps that may still pre-review (部门预审) today: waiting steps that have not, while the notice window is
	 * open, of departments not reviewing another step now (their flags, on any material, already join the notice).
	 */
	public List<CaseStep> awaitingPreReview() {
		if (!noticeWindowOpen()) {
			return List.of();
		}
		List<String> reviewing = steps.stream().filter(step -> step.state() == StepState.ACTIVE || step.state() == StepState.FLAGGED)
				.map(step -> step.plan().departmentId()).toList();
		return steps.stream().filter(step -> step.state() == StepState.WAITING && !preReviewed.contains(step.id())
				&& !reviewing.contains(step.plan().departmentId())).toList();
	}

	/** Before the first notice and before acceptance: what any department finds still goes into the one notice. */
	boolean noticeWindowOpen() {
		return acceptance == null && completion == null && notices.isEmpty() && status == CaseStatus.REVIEWING;
	}

	public CaseChange submitCorrection(CaseContext context) {
		CaseWork work = CaseWork.asOf(this, context);
		work.submitCorrection();
		return work.done();
	}

	/** 容缺受理: accept although secondary materials are missing, on the applicant's signed promise. */
	public CaseChange acceptTolerantly(String signature, LocalDate supplyBy, CaseContext context) {
		CaseWork work = CaseWork.asOf(this, context);
		work.acceptTolerantly(signature, supplyBy);
		return work.done();
	}

	/**
	 * 行政许可法 §42: joint handling may be extended once by 15 working days, approved by the authority's head, with
	 * the reason told to the applicant.
	 */
	public CaseChange extendDeadline(String reason, CaseContext head) {
		CaseWork work = CaseWork.asOf(this, head);
		work.extend(reason);
		return work.done();
	}

	/** 行政许可法 §45: a step's reviewer starts a special procedure whose time is not counted (docs/legal.md §3.4). */
	public CaseChange startSpecialProcedure(String stepId, SpecialProcedure.Kind kind, String reason, LocalDate startedOn,
			LocalDate expectedEndOn, CaseContext reviewer) {
		CaseWork work = CaseWork.asOf(this, reviewer);
		work.startSpecialProcedure(SpecialProcedures.start(work.peek(), stepId, kind, reason, startedOn, expectedEndOn, reviewer));
		return work.done();
	}

	/** The recorded act that ends a step's running special procedure, on the context's day. */
	public CaseChange endSpecialProcedure(String stepId, CaseContext reviewer) {
		CaseWork work = CaseWork.asOf(this, reviewer);
		work.endSpecialProcedure(SpecialProcedures.end(work.peek(), stepId, reviewer));
		return work.done();
	}

	/**
	 * The case as the rules say it is on the context's day: accepted from the day of receipt when no notice was given
	 * within five working days, or from the day the corrections arrived when nobody reviewed them in time. Nothing is
	 * stored; the next command or the scheduled check records the same acceptance.
	 */
	public CaseFile asOf(CaseContext context) {
		return CaseWork.asOf(this, context).done().after();
	}

	/**
	 * Run by the scheduler: records what the time rules already say (see {@link #asOf}) and reminds the applicant
	 * before the correction deadline.
	 */
	public CaseChange checkDeadlines(CaseContext system) {
		CaseWork work = CaseWork.asOf(this, system);
		work.checkDeadlines();
		return work.done();
	}

	public Optional<CaseStep> step(String stepId) {
		return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
	}

	public Optional<OneTimeNotice> latestNotice() {
		return notices.isEmpty() ? Optional.empty() : Optional.of(notices.get(notices.size() - 1));
	}

	public Region region() {
		return Region.of(terms.regionCode());
	}

	/** The last day to issue the one-time notice before the case counts as accepted from receipt. */
	public LocalDate noticeDueOn(WorkingDayCalendar calendar) {
		return calendar.addWorkingDays(receivedOn, NOTICE_WORKING_DAYS, region());
	}

	/** The day the applicant's corrections arrived, while departments review them and the case is not accepted yet. */
	public Optional<LocalDate> correctionsUnderReviewSince() {
		if (acceptance != null || completion != null || status != CaseStatus.REVIEWING || notices.isEmpty()
				|| suspensions.isEmpty()) {
			return Optional.empty();
		}
		// Only a correction ends the waiting of a case that is neither accepted nor completed: its day ends the last stop.
		return Optional.of(suspensions.get(suspensions.size() - 1).to());
	}

	/**
	 * 补正材料审查期限: the last day to review the corrections (and to ask again for what is still defective); after it
	 * the case counts as accepted from the day they arrived (§32(5), {@link Acceptance.Basis#CORRECTIONS_UNREVIEWED}).
	 */
	public Optional<LocalDate> correctionReviewDueOn(WorkingDayCalendar calendar) {
		return correctionsUnderReviewSince()
				.map(arrived -> calendar.addWorkingDays(arrived, terms.correctionReviewWorkingDays(), region()));
	}

	/**
	 * The last day the departments may still ask for corrections before the law accepts the case: the notice's due
	 * day before any notice, the corrections' review due day after one; empty while accepted, completed or waiting
	 * for the applicant.
	 */
	public Optional<LocalDate> lastDayToAsk(WorkingDayCalendar calendar) {
		if (acceptance != null || completion != null || status != CaseStatus.REVIEWING) {
			return Optional.empty();
		}
		return notices.isEmpty() ? Optional.of(noticeDueOn(calendar)) : correctionReviewDueOn(calendar);
	}

	/**
	 * The decision deadline once accepted: the committed limit, capped at 45 (+15) working days, clock suspended while
	 * waiting for correction and during every special procedure of §45.
	 */
	public Optional<Deadline> deadline() {
		return acceptance == null ? Optional.empty() : Optional.of(bundleDeadlineFrom(acceptance.effectiveOn()));
	}

	/** The bundle's deadline if its clock started on {@code start}; see {@link CaseSchedule} for a projection. */
	Deadline bundleDeadlineFrom(LocalDate start) {
		JointHandlingLimit limit = JointHandlingLimit.forPlan(terms.committedWorkingDays());
		if (extensionReason != null) {
			limit = limit.extend(extensionReason);
		}
		Deadline deadline = limit.deadlineFrom(start, region());
		for (Suspension suspension : suspensions) {
			deadline = deadline.suspendedFor(suspension);
		}
		for (SpecialProcedure procedure : specialProcedures) {
			deadline = deadline.suspendedFor(procedure.suspension());
		}
		return deadline;
	}
}
