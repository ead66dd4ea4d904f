package cn.onething.wechat.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.onething.wechat.Masking;

/**
 * Turns a push's data into what WeChat will show, the same for template and subscribe messages and in dev mode:
 * personal data masked, emoji and line breaks gone (WeChat drops them, docs/wechat.md §2.2), each value fitted to its
 * key's type (§3.3). A value that still breaks a rule is reported here, so it never reaches WeChat (§10.B.11).
 */
public final class MessageValues {

	private MessageValues() {
	}

	/**
	 * @param values    key → value ready to send, in the caller's order
	 * @param violation WeChat's wording of the first broken rule, e.g. {@code data.time2.value invalid}; null if none
	 */
	public record Prepared(Map<String, String> values, String violation) {

		public boolean valid() {
			return violation == null;
		}
	}

	public static Prepared prepare(Map<String, String> data) {
		Map<String, String> prepared = new LinkedHashMap<>();
		for (Map.Entry<String, String> entry : data.entrySet()) {
			String key = entry.getKey();
			String raw = entry.getValue();
			if (raw == null || raw.isBlank()) {
				// §2.2: WeChat answers 47003 "data.<key>.value is empty".
				return new Prepared(Map.of(), "data." + key + ".value is empty");
			}
			ValueType type = ValueType.of(key);
			String value = type.fit(plainLine(Masking.personalData(raw)));
			if (!type.accepts(value)) {
				return new Prepared(Map.of(), "data." + key + ".value invalid");
			}
			prepared.put(key, value);
		}
		return new Prepared(Collections.unmodifiableMap(prepared), null);
	}

	/** One line without emoji: §2.2 says WeChat strips both, so we do it first and know what the applicant reads. */
	static String plainLine(String value) {
		StringBuilder line = new StringBuilder(value.length());
		value.codePoints().forEach(codePoint -> {
			if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
				line.append(' ');
			}
			else if (!emoji(codePoint)) {
				line.appendCodePoint(codePoint);
			}
		});
		return line.toString().replaceAll(" {2,}", " ").strip();
	}

	/** Pictographs, dingbats, flags, variation selectors and joiners; CJK characters outside the BMP stay. */
	private static boolean emoji(int codePoint) {
		return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF)
				|| (codePoint >= 0x2600 && codePoint <= 0x27BF)
				|| (codePoint >= 0x2B00 && codePoint <= 0x2BFF)
				|| (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
				|| (codePoint >= 0xE0020 && codePoint <= 0xE007F)
				|| codePoint == 0x200D;
	}
}
