package cn.onething.identity.internal;

/** An account change refused before anything was stored, with the reason in words for the operator. */
public class AccountProblem extends RuntimeException {

	public AccountProblem(String message) {
		super(message);
	}
}
