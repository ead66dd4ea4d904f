package cn.onething.wechat.internal;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import cn.onething.wechat.Masking;

/**
 * The value rules of a template key, decided by the key's name without its number ({@code thing1} → THING), as
 * docs/wechat.md §3.3 lists them. Each type first fits a value (cut or masked, where that keeps its meaning) and then
 * accepts it or not; a value that is not accepted would get 47003 from WeChat.
 */
enum ValueType {

	THING(value -> cut(value, 20, "…"), value -> true),
	/** WxJava cuts {@code const} values at 20 like {@code thing} (§3.3). */
	CONST(value -> cut(value, 20, "…"), value -> true),
	/**
	 * Legacy keys ({@code first}, {@code keyword1}, {@code remark}): since 2023 each shows at most 20 characters
	 * (§2.2).
	 */
	OTHER(value -> cut(value, 20, "…"), value -> true),
	/** ≤ 32 digits, letters or symbols: Chinese is dropped rather than rejected. */
	CHARACTER_STRING(value -> cut(value.replaceAll("[^\\x21-\\x7E]", ""), 32, "..."), value -> !value.isEmpty()),
	/** ≤ 5 Chinese characters only, e.g. 已受理. */
	PHRASE(value -> firstCodePoints(value.replaceAll("[^\\p{IsHan}]", ""), 5), value -> !value.isEmpty()),
	NAME(Masking::name, value -> true),
	PHONE_NUMBER(UnaryOperator.identity(), matches("[0-9+\\-() ]{1,17}")),
	CAR_NUMBER(UnaryOperator.identity(), matches("\\p{IsHan}?[A-Za-z0-9]{1,7}\\p{IsHan}?").and(value -> value.codePointCount(0, value.length()) <= 8)),
	NUMBER(UnaryOperator.identity(), matches("\\d{1,32}(\\.\\d+)?").and(value -> value.length() <= 33)),
	LETTER(UnaryOperator.identity(), matches("[A-Za-z]{1,32}")),
	SYMBOL(UnaryOperator.identity(), matches("[^\\p{L}\\p{N}\\p{Cc}]{1,5}")),
	TIME(UnaryOperator.identity(), matches(range("(" + Formats.DATE + "\\s*)?" + Formats.TIME))),
	DATE(UnaryOperator.identity(), matches(range(Formats.DATE + "(\\s*" + Formats.TIME + ")?"))),
	AMOUNT(UnaryOperator.identity(), matches("[¥￥$€£]?\\d{1,10}(\\.\\d{1,2})?元?")),
	/** Must be one of the template's own values, which only WeChat knows. */
	ENUM(UnaryOperator.identity(), value -> true);

	private final UnaryOperator<String> fit;
	private final Predicate<String> accepts;

	ValueType(UnaryOperator<String> fit, Predicate<String> accepts) {
		this.fit = fit;
		this.accepts = accepts;
	}

	/** {@code thing12} → THING, {@code character_string3} → CHARACTER_STRING, {@code keyword1} → OTHER. */
	static ValueType of(String key) {
		String type = key.replaceAll("\\d+$", "").toUpperCase(Locale.ROOT);
		for (ValueType candidate : values()) {
			if (candidate.name().equals(type) && candidate != OTHER) {
				return candidate;
			}
		}
		return OTHER;
	}

	String fit(String value) {
		return fit.apply(value);
	}

	boolean accepts(String value) {
		return accepts.test(value);
	}

	private static final class Formats {
		/** 2024年5月1日, 2024年5月, 5月1日, 2024-05-01, 2024/5/1, 2024.05.01 */
		static final String DATE = "(\\d{4}年\\d{1,2}月(\\d{1,2}日)?|\\d{1,2}月\\d{1,2}日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})";
		/** 15:01, 15:01:30 */
		static final String TIME = "\\d{1,2}:\\d{2}(:\\d{2})?";
	}

	/** §3.3: time and date values may be ranges joined with ~. */
	private static String range(String single) {
		return single + "(\\s*~\\s*" + single + ")?";
	}

	private static Predicate<String> matches(String regex) {
		return Pattern.compile(regex).asMatchPredicate();
	}

	/**
	 * Cuts to at most {@code max} characters (code points, so no half emoji or rare character), ending in the marker.
	 */
	static String cut(String value, int max, String marker) {
		if (value.codePointCount(0, value.length()) <= max) {
			return value;
		}
		return firstCodePoints(value, max - marker.length()) + marker;
	}

	private static String firstCodePoints(String value, int count) {
		if (value.codePointCount(0, value.length()) <= count) {
			return value;
		}
		return value.substring(0, value.offsetByCodePoints(0, count));
	}
}
