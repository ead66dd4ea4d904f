package cn.onething.catalog.guidefiles;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.catalog.model.ItemType;

/**
 * The code rules of the national catalogue: the 12-digit basic code (基本编码, AA TT DD NNN SSS, GB/T 39554.1) and
 * the 18-character unified social credit code of departments (统一社会信用代码, GB 32100-2015, with the check
 * digit of its embedded organisation code, GB 11714).
 */
final class ItemCodes {

	private static final Pattern BASIC_CODE = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})(\\d{3})(\\d{3})");
	private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] CREDIT_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	private static final int[] ORGANISATION_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String GUANGXI = "45";
	private static final String NATIONAL = "00";

	private ItemCodes() {
	}

	/** Why {@code code} is not a valid basic code for an item of {@code type}, or empty when it is. */
	static Optional<String> basicCodeProblem(String code, ItemType type) {
		Matcher parts = BASIC_CODE.matcher(code);
		if (!parts.matches()) {
			return Optional.of("基本编码应为12位数字（写在引号中），实际为“" + code + "”");
		}
		if (!parts.group(1).equals(NATIONAL) && !parts.group(1).equals(GUANGXI)) {
			return Optional.of("基本编码前两位应为00（国家目录）或45（广西地方事项），实际为" + parts.group(1));
		}
		if (type != null && !parts.group(2).equals(type.code())) {
			return Optional.of("基本编码第3-4位是事项类型代码，" + type.label() + "应为" + type.code() + "，实际为" + parts.group(2));
		}
		if (parts.group(4).equals("000")) {
			return Optional.of("基本编码第7-9位（主项序号）不能为000");
		}
		return Optional.empty();
	}

	/** Why {@code code} is not a valid unified social credit code, or empty when it is. */
	static Optional<String> creditCodeProblem(String code) {
		if (code.length() != 18 || !code.chars().allMatch(c -> CREDIT_CHARS.indexOf(c) >= 0)) {
			return Optional.of("统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V），实际为“" + code + "”");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
		}
		char expected = CREDIT_CHARS.charAt((31 - sum % 31) % 31);
		if (code.charAt(17) != expected) {
			return Optional.of("统一社会信用代码校验位错误：第18位应为" + expected + "，实际为" + code.charAt(17));
		}
		String organisation = code.substring(8, 17);
		char organisationCheck = organisationCheckDigit(organisation.substring(0, 8));
		if (organisation.charAt(8) != organisationCheck) {
			return Optional.of("统一社会信用代码中的组织机构代码校验位错误：第17位应为" + organisationCheck + "，实际为" + organisation.charAt(8));
		}
		return Optional.empty();
	}

	private static char organisationCheckDigit(String body) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char c = body.charAt(i);
			int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			sum += value * ORGANISATION_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}
}
