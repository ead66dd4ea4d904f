package cn.onething.casework.web;

import java.util.Map;
import java.util.UUID;

import cn.onething.casework.IdempotencyKey;

/**
 * The one-time key a form is rendered with (hidden field {@value #FIELD}, see templates/bundle/form-fields.html):
 * submitting the same rendered form twice files one case. A form without a usable key, from a page rendered before
 * keys existed say, still files, once per submission.
 */
public final class SubmissionKeys {

	public static final String FIELD = "idempotencyKey";

	private SubmissionKeys() {
	}

	/** A key for a form about to be rendered: random, so no one can guess another person's. */
	public static String fresh() {
		return UUID.randomUUID().toString();
	}

	/** The key of the submitted form, or null when it carries none that can be used. */
	public static IdempotencyKey of(String channel, Map<String, String> formValues) {
		String value = formValues.get(FIELD);
		return IdempotencyKey.problem(value).isPresent() ? null : new IdempotencyKey(channel, value);
	}
}
