package cn.onething.casework;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A submission with fields or files the hall cannot take, each with the reason, in the applicant's words. */
public class CaseInputRejected extends RuntimeException {

	private final Map<String, String> problems;

	public CaseInputRejected(Map<String, String> problems) {
		super("rejected fields: " + problems.keySet());
		// in the order found, which is the form's order
		this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
	}

	public Map<String, String> problems() {
		return problems;
	}
}
