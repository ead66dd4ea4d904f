package cn.onething.village;

import java.util.Map;

/**
 * An entry that cannot be published, with what is wrong by field (the form field's name → the reason in Chinese).
 * Nothing of it was stored.
 */
public class EntryRefused extends RuntimeException {

	private final transient Map<String, String> problems;

	public EntryRefused(Map<String, String> problems) {
		super("entry refused: " + problems.keySet());
		this.problems = Map.copyOf(problems);
	}

	public Map<String, String> problems() {
		return problems;
	}
}
