package cn.onething.casework.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem documents (RFC 9457) of the casework API. Types are relative URIs, stable names rather than pages to
 * fetch. A refused request lists every field that is wrong at once, each with its key and a message in Chinese that
 * names the field, ready to show to the person who typed it.
 */
public final class ProblemDocuments {

	public static final URI INVALID_FIELDS = URI.create("/problems/invalid-fields");
	public static final URI CASE_RULE = URI.create("/problems/case-rule");
	public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("/problems/idempotency-key-reused");
	public static final URI LOOKUP_LOCKED = URI.create("/problems/lookup-locked");
	public static final URI NOT_PERMITTED = URI.create("/problems/not-permitted");

	/**
	 * One wrong field.
	 *
	 * @param field the form key ({@code applicant.idNumber}), {@code material.<key>} for a file, or a property of
	 *        the request body
	 * @param label what the form calls it, when it has a label
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FieldError(String field, String label, String message) {
	}

	private ProblemDocuments() {
	}

	/** 422 with {@code errors}: one entry per problem, labelled when {@code labels} knows the key (null: none). */
	public static ProblemDetail invalidFields(Map<String, String> problems, Function<String, String> labels) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_FIELDS, "Invalid fields",
				"有 " + problems.size() + " 项需要修改，未保存任何内容。");
		List<FieldError> errors = problems.entrySet().stream()
				.map(entry -> new FieldError(entry.getKey(), label(entry.getKey(), labels), entry.getValue()))
				.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String label(String key, Function<String, String> labels) {
		String label = labels == null ? null : labels.apply(key);
		return key.equals(label) ? null : label;
	}

	public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}
}
