package cn.onething.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an answer to a field must look like: its type and the constraints that go with it. Two items of a bundle
 * that ask the same field must agree on its rule, or the combined form could not satisfy both.
 *
 * @param maxLength longest text, in characters (text only); null for no limit
 * @param pattern a regular expression the whole text must match (text only); null for none
 * @param min smallest number allowed (number only); null for none
 * @param max largest number allowed (number only); null for none
 * @param notFuture whether a date may not be later than today (date only)
 * @param options the allowed answers (choice only); empty for other types
 */
public record FieldRule(FieldType type, Integer maxLength, String pattern, BigDecimal min, BigDecimal max,
		boolean notFuture, List<String> options) {

	/** 手机号码: 11 digits, 1 then 3-9 (the number segments in use). */
	public static final String MOBILE_PATTERN = "1[3-9]\\d{9}";
	/** Decimal numbers as typed in a form, without exponents. */
	private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
	private static final Pattern MOBILE = Pattern.compile(MOBILE_PATTERN);

	public FieldRule {
		options = options == null ? List.of() : List.copyOf(options);
	}

	/**
	 * Why a non-blank {@code value} breaks this rule on {@code today}, worded to follow the field's label
	 * ("出生日期" + "不能晚于今天"), or empty when it is allowed.
	 */
	public Optional<String> problem(String value, LocalDate today) {
		Map<String, String> messages = messages();
		return reason(value, today).map(messages::get);
	}

	/**
	 * Each reason this rule can refuse an answer for, by code, with what the form says after the field's label.
	 * The form's JSON Schema carries them ({@code x-messages}), so the page's own checks say the server's words.
	 */
	public Map<String, String> messages() {
		Map<String, String> messages = new LinkedHashMap<>();
		switch (type) {
			case TEXT -> {
				if (maxLength != null) {
					messages.put("maxLength", "不能超过" + maxLength + "个字");
				}
				if (pattern != null) {
					messages.put("pattern", "格式不正确");
				}
			}
			case ID_NUMBER -> messages.putAll(ResidentIdNumber.MESSAGES);
			case MOBILE -> messages.put("pattern", "应为11位手机号码（以1开头）");
			case DATE -> {
				messages.put("format", "应为有效日期，写作“年-月-日”，如2025-03-01");
				if (notFuture) {
					messages.put("notFuture", "不能晚于今天");
				}
			}
			case NUMBER -> {
				messages.put("number", "应为数字");
				if (min != null) {
					messages.put("minimum", "不能小于" + min.toPlainString());
				}
				if (max != null) {
					messages.put("maximum", "不能大于" + max.toPlainString());
				}
			}
			case CHOICE -> messages.put("enum", "应为以下之一：" + String.join("、", options));
			case BOOLEAN -> messages.put("enum", "应选择“是”或“否”");
		}
		return messages;
	}

	private Optional<String> reason(String value, LocalDate today) {
		return switch (type) {
			case TEXT -> textReason(value);
			case ID_NUMBER -> ResidentIdNumber.reason(value, today);
			case MOBILE -> MOBILE.matcher(value).matches() ? Optional.empty() : Optional.of("pattern");
			case DATE -> dateReason(value, today);
			case NUMBER -> numberReason(value);
			case CHOICE -> options.contains(value) ? Optional.empty() : Optional.of("enum");
			case BOOLEAN -> value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of("enum");
		};
	}

	private Optional<String> textReason(String value) {
		if (maxLength != null && value.codePointCount(0, value.length()) > maxLength) {
			return Optional.of("maxLength");
		}
		if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
			return Optional.of("pattern");
		}
		return Optional.empty();
	}

	private Optional<String> dateReason(String value, LocalDate today) {
		try {
			LocalDate date = LocalDate.parse(value);
			return notFuture && date.isAfter(today) ? Optional.of("notFuture") : Optional.empty();
		}
		catch (DateTimeParseException e) {
			return Optional.of("format");
		}
	}

	private Optional<String> numberReason(String value) {
		if (!DECIMAL.matcher(value).matches()) {
			return Optional.of("number");
		}
		BigDecimal number = new BigDecimal(value);
		if (min != null && number.compareTo(min) < 0) {
			return Optional.of("minimum");
		}
		if (max != null && number.compareTo(max) > 0) {
			return Optional.of("maximum");
		}
		return Optional.empty();
	}
}
