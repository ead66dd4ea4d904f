package cn.onething.wechat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks shared by the push records, so a bad push fails where it is built, not in the outbox. */
final class Pushes {

	private Pushes() {
	}

	static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	static String optionalWebAddress(String value, String name) {
		if (value != null && !value.matches("https?://\\S+")) {
			throw new IllegalArgumentException(name + " must be an http:// or https:// address, was " + value);
		}
		return value;
	}

	/** Keeps the caller's key order (the dev inbox shows it) and allows null values, which the channel reports. */
	static Map<String, String> data(Map<String, String> data) {
		if (data == null || data.isEmpty()) {
			throw new IllegalArgumentException("data must name at least one template key");
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(data));
	}
}
