package cn.onething.casework;

import java.util.Optional;

/**
 * The key that makes a submission safe to repeat: the same key with the same request files one case, however often
 * it arrives. Keys are scoped by channel, so a key sent to the API can never reach a case filed from a form.
 *
 * @param channel where the key comes from: {@link #API} (the client's {@code Idempotency-Key} header), {@link #FORM}
 *        or {@link #INTAKE} (the one-time key rendered into the applicant's or the window's form)
 */
public record IdempotencyKey(String channel, String value) {

	public static final String API = "api";
	public static final String FORM = "form";
	public static final String INTAKE = "intake";
	public static final int MAX_LENGTH = 100;

	public IdempotencyKey {
		if (problem(value).isPresent()) {
			throw new IllegalArgumentException("idempotency key: " + problem(value).get());
		}
	}

	/** What is wrong with a key as received, in English for API clients; empty when it can be used. */
	public static Optional<String> problem(String value) {
		if (value == null || value.isEmpty()) {
			return Optional.of("is missing");
		}
		if (value.length() > MAX_LENGTH) {
			return Optional.of("is longer than " + MAX_LENGTH + " characters");
		}
		if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			return Optional.of("may hold visible ASCII characters only");
		}
		return Optional.empty();
	}
}
