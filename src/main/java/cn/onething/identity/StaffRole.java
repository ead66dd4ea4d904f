package cn.onething.identity;

/** What a staff member may do in the console (docs/architecture.md §8). */
public enum StaffRole {
	/** 一窗受理: takes applications at the hall's window, collects corrections, accepts tolerantly. */
	WINDOW("一窗受理"),
	/** Reviews and decides the steps of one department. */
	REVIEWER("部门审查"),
	/** Records exceptions to the one-time notice. */
	SUPERVISOR("主管"),
	/** 机关负责人: the authority's head, who alone approves extending a time limit (行政许可法 §42). */
	HEAD("机关负责人"),
	/** Publishes service guides; as the county's disclosure staff, also reviews villages' figures that differ from the county's. */
	PUBLISHER("指南发布"),
	/**
	 * 村务公开: village and township disclosure staff, who publish their committees' entries and supervise the
	 * township's (docs/village.md).
	 */
	DISCLOSURE("村务公开"),
	/** Manages staff accounts. */
	ADMIN("系统管理");

	private final String label;

	StaffRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The Spring Security authority of the role. */
	public String authority() {
		return "ROLE_" + name();
	}
}
