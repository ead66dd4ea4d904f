package cn.onething.casework.model;

public enum StepState {
	/** Its dependencies are not all approved yet (串联). */
	WAITING("待前序审批"),
	/** Its department reviews now. */
	ACTIVE("审查中"),
	/** Reviewed: materials are missing or defective; waits for the one-time notice and the correction. */
	FLAGGED("待补正"),
	APPROVED("已通过"),
	REFUSED("不予批准"),
	/** Cannot run because a step it depends on was refused, or the whole case ended. */
	SKIPPED("已终止");

	private final String label;

	StepState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isDecided() {
		return this == APPROVED || this == REFUSED || this == SKIPPED;
	}
}
