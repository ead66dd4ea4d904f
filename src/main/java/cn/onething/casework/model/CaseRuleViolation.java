package cn.onething.casework.model;

/** A command the rules do not allow, with the reason in words staff understand. */
public class CaseRuleViolation extends RuntimeException {

	public CaseRuleViolation(String message) {
		super(message);
	}
}
