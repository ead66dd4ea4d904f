package cn.onething.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
		return switch (type) {
			case TEXT -> textProblem(value);
			case ID_NUMBER -> ResidentIdNumber.problem(value, today);
			case MOBILE -> MOBILE.matcher(value).matches() ? Optional.empty() : Optional.of("应为11位手机号码（以1开头）");
			case DATE -> dateProblem(value, today);
			case NUMBER -> numberProblem(value);
			case CHOICE -> options.contains(value) ? Optional.empty() : Optional.of("应为以下之一：" + String.join("、", options));
			case BOOLEAN -> value.equals("true") || value.equals("false") ? Optional.empty() : Optional.of("应选择“是”或“否”");
		};
	}

	private Optional<String> textProblem(String value) {
		if (maxLength != null && value.codePointCount(0, value.length()) > maxLength) {
			return Optional.of("不能超过" + maxLength + "个字");
		}
		if (pattern != null && !Pattern.compile(pattern).matcher(value).matches()) {
			return Optional.of("格式不正确");
		}
		return Optional.empty();
	}

	private Optional<String> dateProblem(String value, LocalDate today) {
		try {
			LocalDate date = LocalDate.parse(value);
			return notFuture && date.isAfter(today) ? Optional.of("不能晚于今天") : Optional.empty();
		}
		catch (DateTimeParseException e) {
			return Optional.of("应为有效日期，写作“年-月-日”，如2025-03-01");
		}
	}

	private Optional<String> numberProblem(String value) {
		if (!DECIMAL.matcher(value).matches()) {
			return Optional.of("应为数字");
		}
		BigDecimal number = new BigDecimal(value);
		if (min != null && number.compareTo(min) < 0) {
			return Optional.of("不能小于" + min.toPlainString());
		}
		if (max != null && number.compareTo(max) > 0) {
			return Optional.of("不能大于" + max.toPlainString());
		}
		return Optional.empty();
	}
}
