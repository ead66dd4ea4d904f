package cn.onething.casework.model;

import java.time.Instant;

/** A step of a case: its plan, where it stands, and the decision when there is one. */
public record CaseStep(StepPlan plan, StepState state, String reason, String resultNote, Actor decidedBy,
		Instant decidedAt) {

	static CaseStep waiting(StepPlan plan) {
		return new CaseStep(plan, StepState.WAITING, null, null, null, null);
	}

	public String id() {
		return plan.id();
	}

	CaseStep to(StepState next) {
		return new CaseStep(plan, next, reason, resultNote, decidedBy, decidedAt);
	}

	/** Ended without a decision of its own; {@code why} names the decision that ended it. */
	CaseStep skipped(String why) {
		return new CaseStep(plan, StepState.SKIPPED, why, null, null, null);
	}

	CaseStep decided(StepState outcome, String why, String note, Actor actor, Instant at) {
		return new CaseStep(plan, outcome, why, note, actor, at);
	}
}
