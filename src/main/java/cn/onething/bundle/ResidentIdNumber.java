package cn.onething.bundle;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 公民身份号码 (GB 11643-1999): a 6-digit address code whose first two digits are a province (GB/T 2260), the
 * 8-digit birth date, a 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public final class ResidentIdNumber {

	private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
	/** Province codes of GB/T 2260, with 71 台湾 and 81/82/83 for residence permits of Hong Kong, Macao, Taiwan. */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
			"34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
			"64", "65", "71", "81", "82", "83");
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK_CHARACTERS = "10X98765432";
	private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private ResidentIdNumber() {
	}

	/**
	 * What the form says about each reason a number is refused, after the field's label ("母亲身份证号码" +
	 * "校验位不正确…"), by the reason's code: the server's checks and the page's script (which reads them from the form's
	 * JSON Schema) say the same words.
	 */
	public static final Map<String, String> MESSAGES = Map.of(
			"shape", "应为18位，前17位是数字，最后一位是数字或X",
			"province", "前两位不是有效的省级行政区划代码",
			"birthDate", "中的出生日期（第7-14位）不是有效日期",
			"birthFuture", "中的出生日期（第7-14位）晚于今天",
			"checkDigit", "校验位不正确：有数字输错了，请对照身份证逐位核对");

	/** The province codes a number may start with, for the page's own check. */
	public static Set<String> provinces() {
		return PROVINCES;
	}

	/**
	 * Why {@code number} is not a valid resident ID number on {@code today}, worded to follow the field's label
	 * ("身份证号码" + "校验位不正确…"), or empty when it is valid. A lower-case x is read as X.
	 */
	public static Optional<String> problem(String number, LocalDate today) {
		return reason(number, today).map(MESSAGES::get);
	}

	/** The code of {@link #MESSAGES} saying why the number is refused, or empty when it is valid. */
	static Optional<String> reason(String number, LocalDate today) {
		String id = number.strip().toUpperCase(java.util.Locale.ROOT);
		if (!SHAPE.matcher(id).matches()) {
			return Optional.of("shape");
		}
		if (!PROVINCES.contains(id.substring(0, 2))) {
			return Optional.of("province");
		}
		Optional<LocalDate> birth = birthDate(id);
		if (birth.isEmpty() || birth.get().isBefore(EARLIEST_BIRTH)) {
			return Optional.of("birthDate");
		}
		if (birth.get().isAfter(today)) {
			return Optional.of("birthFuture");
		}
		if (id.charAt(17) != checkCharacter(id)) {
			return Optional.of("checkDigit");
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> birthDate(String id) {
		try {
			return Optional.of(LocalDate.parse(id.substring(6, 14), BIRTH_DATE));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/** ISO 7064 MOD 11-2 over the first 17 digits. */
	private static char checkCharacter(String id) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}
}
