package cn.onething.shared;

import java.util.Optional;

/**
 * What text typed by a person may contain. Control characters (a NUL byte is refused by PostgreSQL), halves of a
 * surrogate pair and the replacement character U+FFFD (what a broken byte sequence decodes to) never come from a
 * keyboard: they come from a broken or hostile client, and are refused where input arrives rather than stored or
 * passed to the database. Tabs and line breaks are text.
 */
public final class TypedText {

	/** The reason shown next to a field, after its label. */
	public static final String REASON = "含有无法识别的字符（如控制字符或乱码），请重新输入";

	private TypedText() {
	}

	public static boolean isClean(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF'
					|| (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
				return false;
			}
		}
		return true;
	}

	public static Optional<String> problem(String text) {
		return text == null || isClean(text) ? Optional.empty() : Optional.of(REASON);
	}
}
