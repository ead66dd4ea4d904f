package cn.onething.casework.model;

/** Who did something to a case, for the audit trail. {@code id} is a staff account, "applicant" or "system". */
public record Actor(Kind kind, String id, String name) {

	/** {@code HEAD} is the authority's head (机关负责人), who alone approves an extension (行政许可法 §42). */
	public enum Kind {
		APPLICANT, WINDOW, REVIEWER, SUPERVISOR, HEAD, SYSTEM
	}

	public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", "系统");

	public static Actor applicant() {
		return new Actor(Kind.APPLICANT, "applicant", "申请人");
	}
}
