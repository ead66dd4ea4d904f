package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.onething.calendar.Deadline;
import cn.onething.calendar.JointHandlingLimit;
import cn.onething.calendar.WorkingDayCalendar;

/**
 * When a case's open steps and the case itself are due, and when it is expected to be done, counted on the calendar
 * (docs/legal.md §3.3). Derived from the case's facts alone, like acceptance: nothing here depends on when it is
 * computed.
 * <p>
 * A step's clock starts at acceptance, or later on the day the last step it depends on was decided; it runs for the
 * step's own limit (its items' committed limit, else their statutory one), plus the extension once granted, and
 * stops while the case waits for correction and during the step's own special procedures (§45). No step is due
 * after the bundle, whose joint limit (§42 ¶2) caps them all. Before acceptance the schedule is a projection from
 * the last day the case can still be asked to correct, the day it is accepted at the latest; while the applicant is
 * correcting nothing can be projected.
 */
public final class CaseSchedule {

	private final CaseFile file;
	private final WorkingDayCalendar calendar;
	private final LocalDate clockStart;
	private final LocalDate bundleDue;
	private final Map<String, LocalDate> stepDue = new HashMap<>();

	private CaseSchedule(CaseFile file, WorkingDayCalendar calendar) {
		this.file = file;
		this.calendar = calendar;
		this.clockStart = file.completion() != null ? null
				: file.acceptance() != null ? file.acceptance().effectiveOn() : file.lastDayToAsk(calendar).orElse(null);
		this.bundleDue = clockStart == null ? null : file.bundleDeadlineFrom(clockStart).dueDate(calendar);
	}

	public static CaseSchedule of(CaseFile file, WorkingDayCalendar calendar) {
		return new CaseSchedule(file, calendar);
	}

	/** Counted from the latest possible acceptance rather than from acceptance itself. */
	public boolean projected() {
		return file.acceptance() == null;
	}

	/** The bundle's due date (its joint limit); empty once completed or while the applicant is correcting. */
	public Optional<LocalDate> bundleDueOn() {
		return Optional.ofNullable(bundleDue);
	}

	/** An undecided step's due date; empty for a decided step, or when nothing runs. */
	public Optional<LocalDate> stepDueOn(String stepId) {
		return file.step(stepId).filter(step -> bundleDue != null && !step.state().isDecided()).map(this::due);
	}

	/**
	 * 预计办结日期: the completion day once completed; otherwise the latest due date of the open steps, which the
	 * bundle's due date caps.
	 */
	public Optional<LocalDate> expectedCompletionOn() {
		if (file.completion() != null) {
			return Optional.of(file.completion().completedOn());
		}
		return bundleDueOn().map(cap -> file.steps().stream().filter(step -> !step.state().isDecided()).map(this::due)
				.max(LocalDate::compareTo).orElse(cap));
	}

	/** The working days a special procedure took out of its step's clock, both ends included. */
	public int suspendedWorkingDays(SpecialProcedure procedure) {
		return calendar.workingDaysBetween(procedure.startedOn().minusDays(1), procedure.lastDay(), file.region());
	}

	/** 中止计时合计 of the case record: the working days of all its special procedures, each procedure on its own. */
	public int totalSuspendedWorkingDays() {
		return file.specialProcedures().stream().mapToInt(this::suspendedWorkingDays).sum();
	}

	/** The day a step's clock starts: acceptance, or the day the last step it depends on was decided. */
	static LocalDate stepClockStart(CaseFile file, CaseStep step) {
		LocalDate start = file.acceptance().effectiveOn();
		for (String dependency : step.plan().dependsOn()) {
			LocalDate decided = file.step(dependency).map(CaseSchedule::decisionDay).orElse(null);
			start = decided != null && decided.isAfter(start) ? decided : start;
		}
		return start;
	}

	private LocalDate due(CaseStep step) {
		LocalDate known = stepDue.get(step.id());
		if (known != null) {
			return known;
		}
		LocalDate start = clockStart;
		for (String dependency : step.plan().dependsOn()) {
			CaseStep before = file.step(dependency).orElseThrow();
			LocalDate ends = before.state().isDecided() ? decisionDay(before) : due(before);
			start = ends != null && ends.isAfter(start) ? ends : start;
		}
		LocalDate due = bundleDue;
		StepLimit limit = step.plan().limit();
		if (limit != null) {
			int days = limit.workingDays() + (file.extensionReason() != null ? JointHandlingLimit.EXTENSION : 0);
			Deadline deadline = Deadline.of(start, days, file.region());
			for (var suspension : file.suspensions()) {
				deadline = deadline.suspendedFor(suspension);
			}
			for (SpecialProcedure procedure : file.specialProcedures()) {
				deadline = procedure.stepId().equals(step.id()) ? deadline.suspendedFor(procedure.suspension()) : deadline;
			}
			LocalDate own = deadline.dueDate(calendar);
			due = own.isBefore(bundleDue) ? own : bundleDue;
		}
		stepDue.put(step.id(), due);
		return due;
	}

	private static LocalDate decisionDay(CaseStep step) {
		return step.decidedAt() == null ? null : LocalDate.ofInstant(step.decidedAt(), CaseContext.CHINA);
	}
}
