package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The fields of one action form on the case page, read with the reasons a field is refused collected on the way.
 * Problems and the values typed are keyed {@code <form>.<field>}, so the page shows each message next to its field
 * in the right form and keeps what was typed.
 */
final class ActionForm {

	private final String id;
	private final MultiValueMap<String, String> values;
	private final Map<String, String> problems = new LinkedHashMap<>();

	ActionForm(String id, MultiValueMap<String, String> values) {
		this.id = id;
		this.values = values;
	}

	String id() {
		return id;
	}

	/** The field's value, trimmed; empty when absent. */
	String text(String field) {
		String value = values.getFirst(field);
		return value == null ? "" : value.strip();
	}

	/** The field's value, or null (and a problem) when it is blank. */
	String required(String field, String whyNeeded) {
		String value = text(field);
		if (value.isEmpty()) {
			problem(field, whyNeeded);
			return null;
		}
		return value;
	}

	/** A date as a browser's date field sends it, or null (and a problem) when it is blank or no date. */
	LocalDate date(String field, String whyNeeded) {
		String value = required(field, whyNeeded);
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			problem(field, "日期应写成 2026-03-02 这样的格式");
			return null;
		}
	}

	/** The values of a checkbox group. */
	List<String> selected(String field) {
		List<String> chosen = values.get(field);
		return chosen == null ? List.of() : chosen.stream().filter(v -> !v.isBlank()).toList();
	}

	void problem(String field, String message) {
		problems.putIfAbsent(id + "." + field, message);
	}

	/** Ends the reading: refuses the form with every problem found, or lets the action go ahead. */
	void check() {
		if (!problems.isEmpty()) {
			throw new FormProblems(problems, values(), null);
		}
	}

	/** What was typed, keyed for {@link FormFeedback}. */
	Map<String, List<String>> values() {
		Map<String, List<String>> typed = new LinkedHashMap<>();
		values.forEach((field, list) -> typed.put(id + "." + field, List.copyOf(list)));
		return typed;
	}

	/** A form the member has to correct: field problems plus what they typed, shown again with status 422. */
	static final class FormProblems extends RuntimeException {

		private final transient FormFeedback feedback;

		FormProblems(Map<String, String> problems, Map<String, List<String>> typed, String done) {
			super("form refused: " + problems.keySet(), null, false, false);
			this.feedback = new FormFeedback(problems, typed, done);
		}

		FormFeedback feedback() {
			return feedback;
		}
	}
}
