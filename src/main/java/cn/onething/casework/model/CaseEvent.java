package cn.onething.casework.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What happened to a case, in the past tense. Stored as the case's audit trail and published through the outbox
 * in the same transaction as the change.
 */
public sealed interface CaseEvent {

	Actor actor();

	Instant at();

	default String kind() {
		return getClass().getSimpleName();
	}

	/** The event type stored under {@code kind}; empty for a kind this version does not know. */
	static Optional<Class<? extends CaseEvent>> typeOf(String kind) {
		return Arrays.stream(CaseEvent.class.getPermittedSubclasses())
				.filter(type -> type.getSimpleName().equals(kind))
				.<Class<? extends CaseEvent>>map(type -> type.asSubclass(CaseEvent.class))
				.findFirst();
	}

	record ApplicationSubmitted(Actor actor, Instant at, String receiptCode, String bundleId, LocalDate receivedOn)
			implements CaseEvent {
	}

	record StepActivated(Actor actor, Instant at, String stepId, String departmentId) implements CaseEvent {
	}

	record MaterialsFlagged(Actor actor, Instant at, String stepId, List<Flag> flags) implements CaseEvent {
	}

	/**
	 * 部门预审: a department whose step waits for an earlier one checked the materials of its items during the notice
	 * window; its flags (none when all is in order) go into the same one-time notice as everyone else's.
	 */
	record MaterialsPreReviewed(Actor actor, Instant at, String stepId, List<Flag> flags) implements CaseEvent {
	}

	/** A supervisor let a department raise items the one-time notice did not list; audited and shown on the case. */
	record ExceptionRecorded(Actor actor, Instant at, String stepId, List<Flag> newItems, String reason)
			implements CaseEvent {
	}

	record NoticeIssued(Actor actor, Instant at, OneTimeNotice notice) implements CaseEvent {
	}

	record CorrectionSubmitted(Actor actor, Instant at, int noticeVersion) implements CaseEvent {
	}

	record ApplicationAccepted(Actor actor, Instant at, Acceptance acceptance) implements CaseEvent {
	}

	record StepDecided(Actor actor, Instant at, String stepId, StepState outcome, String reason) implements CaseEvent {
	}

	record StepsSkipped(Actor actor, Instant at, List<String> stepIds, String reason) implements CaseEvent {
	}

	/** 行政许可法 §42: joint handling extended once by 15 working days; the reason is told to the applicant. */
	record DeadlineExtended(Actor actor, Instant at, String reason) implements CaseEvent {
	}

	/** 行政许可法 §45: a step's clock stops for a hearing, testing, expert review, survey or publication. */
	record SpecialProcedureStarted(Actor actor, Instant at, SpecialProcedure procedure) implements CaseEvent {
	}

	/**
	 * The recorded act ending a special procedure; its step's clock runs again from the next day.
	 *
	 * @param workingDays the working days it took out of the clock, for the case record
	 */
	record SpecialProcedureEnded(Actor actor, Instant at, SpecialProcedure procedure, int workingDays) implements CaseEvent {
	}

	record CorrectionDeadlineNear(Actor actor, Instant at, int noticeVersion, LocalDate correctBy) implements CaseEvent {
	}

	record ApplicationCompleted(Actor actor, Instant at, Completion completion) implements CaseEvent {
	}
}
