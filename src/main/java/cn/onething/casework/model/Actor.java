package cn.onething.casework.model;

/** Who did something to a case, for the audit trail. {@code id} is a staff account, "applicant" or "system". */
public record Actor(Kind kind, String id, String name) {

	public enum Kind {
		APPLICANT, WINDOW, REVIEWER, SUPERVISOR, SYSTEM
	}

	public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system", "系统");

	public static Actor applicant() {
		return new Actor(Kind.APPLICANT, "applicant", "申请人");
	}
}
