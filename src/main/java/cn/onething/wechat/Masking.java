package cn.onething.wechat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data before it leaves for WeChat, where messages show on lock screens and in chat lists. The
 * channel applies {@link #personalData} to every value and {@link #name} to {@code name} keys; callers may mask
 * more themselves.
 */
public final class Masking {

	/** An 18-character resident ID number (GB 11643) standing alone, not inside a longer code. */
	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");

	/** A mainland mobile number standing alone. */
	private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String ID_CHECK_CHARACTERS = "10X98765432";

	private Masking() {
	}

	/** 450102199001011234 → 450****1234. */
	public static String idNumber(String id) {
		return keepEnds(id, 3, 4);
	}

	/** 13812345678 → 138****5678. */
	public static String phone(String phone) {
		return keepEnds(phone, 3, 4);
	}

	/** 张三丰 → 张*: the surname alone is what a window clerk would say aloud. */
	public static String name(String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty()) {
			return trimmed;
		}
		return trimmed.substring(0, trimmed.offsetByCodePoints(0, 1)) + "*";
	}

	/**
	 * Masks every resident ID number (only those whose check character is right, so case numbers survive) and every
	 * mobile number found in free text.
	 */
	public static String personalData(String text) {
		String masked = replace(ID_NUMBER.matcher(text), true);
		return replace(MOBILE.matcher(masked), false);
	}

	private static String replace(Matcher matcher, boolean idNumbers) {
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String found = matcher.group();
			String replacement = idNumbers ? (validIdNumber(found) ? idNumber(found) : found) : phone(found);
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static boolean validIdNumber(String id) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return Character.toUpperCase(id.charAt(17)) == ID_CHECK_CHARACTERS.charAt(sum % 11);
	}

	/** Too short to keep both ends without giving the middle away: all stars. */
	private static String keepEnds(String value, int head, int tail) {
		String trimmed = value.strip();
		if (trimmed.length() <= head + tail) {
			return "****";
		}
		return trimmed.substring(0, head) + "****" + trimmed.substring(trimmed.length() - tail);
	}
}
