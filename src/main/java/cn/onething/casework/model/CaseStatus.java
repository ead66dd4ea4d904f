package cn.onething.casework.model;

public enum CaseStatus {
	REVIEWING("审查中"), AWAITING_CORRECTION("待补正"), COMPLETED("已办结");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
