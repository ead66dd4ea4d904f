package cn.onething.wechat.fake;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WeChat's value rules per key type (docs/wechat.md §3.3), written apart from the service's own so that a mistake in
 * one is caught by the other. bizsend applies all of them; template/send applies the format rules and cuts long
 * values instead (§2.2).
 */
final class FakeValueRules {

	private static final String DATE = "(\\d{4}年\\d{1,2}月(\\d{1,2}日)?|\\d{1,2}月\\d{1,2}日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})";
	private static final String TIME = "\\d{1,2}:\\d{2}(:\\d{2})?";
	private static final Pattern TIME_VALUE = Pattern.compile(range("(" + DATE + " ?)?" + TIME));
	private static final Pattern DATE_VALUE = Pattern.compile(range(DATE + "( ?" + TIME + ")?"));
	private static final Pattern AMOUNT = Pattern.compile("[¥￥$€£]?\\d{1,10}(\\.\\d+)?元?");
	private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{1,17}");
	private static final Pattern CAR = Pattern.compile("\\p{IsHan}?[A-Za-z0-9]{1,7}\\p{IsHan}?");
	private static final Pattern PHRASE = Pattern.compile("\\p{IsHan}{1,5}");

	private FakeValueRules() {
	}

	static String type(String key) {
		return key.replaceAll("\\d+$", "").toLowerCase(Locale.ROOT);
	}

	/** The format rules template/send also enforces on category templates (§2.2 [REC]). */
	static boolean wellFormed(String key, String value) {
		return switch (type(key)) {
			case "time" -> TIME_VALUE.matcher(value).matches();
			case "date" -> DATE_VALUE.matcher(value).matches();
			case "amount" -> AMOUNT.matcher(value).matches();
			case "phone_number" -> PHONE.matcher(value).matches();
			case "car_number" -> CAR.matcher(value).matches() && length(value) <= 8;
			case "phrase" -> PHRASE.matcher(value).matches();
			default -> true;
		};
	}

	/** All of §3.3, as bizsend enforces it: too long is invalid, not cut. */
	static boolean valid(String key, String value) {
		if (!wellFormed(key, value)) {
			return false;
		}
		return switch (type(key)) {
			case "thing" -> length(value) <= 20;
			case "number" -> value.matches("\\d+(\\.\\d+)?") && value.replace(".", "").length() <= 32;
			case "letter" -> value.matches("[A-Za-z]{1,32}");
			case "symbol" -> value.matches("[^\\p{L}\\p{N}\\p{Cc}]{1,5}");
			case "character_string" -> value.matches("[\\x21-\\x7E]{1,32}");
			case "name" -> value.matches("[\\x20-\\x7E]{1,20}") || length(value) <= 10;
			default -> true;
		};
	}

	/** What template/send shows for a value (§2.2): no emoji, no line breaks, at most 20 (or 32) characters. */
	static String rendered(String key, String value) {
		String line = value.replaceAll("[\\r\\n]+", " ").replaceAll("[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{FE0F}\\x{200D}]", "");
		int max = type(key).equals("character_string") ? 32 : 20;
		return length(line) <= max ? line : line.substring(0, line.offsetByCodePoints(0, max - 3)) + "...";
	}

	private static int length(String value) {
		return value.codePointCount(0, value.length());
	}

	private static String range(String single) {
		return single + "( ?~ ?" + single + ")?";
	}
}
