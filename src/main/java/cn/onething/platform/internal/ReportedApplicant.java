package cn.onething.platform.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import cn.onething.casework.Applicant;

/**
 * Who a case report names, and how much of them (docs/platform.md §5.2). Only an organisation, known by a unified
 * social credit code whose check character is right (GB 32100), is named in full: its name and code are public
 * registers. Anyone else leaves masked as a person, also when the number is not a valid resident ID (a mistyped ID,
 * a passport number): masking is the default, not the exception.
 */
record ReportedApplicant(String type, String name, String idType, String idNumber) {

	/** A resident ID number: 17 digits and a check character. */
	private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
	private static final String CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final Pattern CREDIT_CODE = Pattern.compile("[" + CREDIT_CODE_CHARACTERS + "]{18}");
	private static final int[] CREDIT_CODE_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	static ReportedApplicant of(Applicant applicant) {
		String id = applicant.idNumber();
		if (!isResidentId(id) && isCreditCode(id)) {
			return new ReportedApplicant("2", applicant.name(), "001", id);
		}
		Applicant masked = applicant.maskedForOthers();
		return new ReportedApplicant("1", masked.name(), isResidentId(id) ? "111" : "999", masked.idNumber());
	}

	static boolean isResidentId(String id) {
		if (id == null || !RESIDENT_ID.matcher(id).matches()) {
			return false;
		}
		try {
			LocalDate.parse(id.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
			return true;
		}
		catch (DateTimeParseException notABirthDate) {
			return false;
		}
	}

	private static boolean isCreditCode(String id) {
		if (id == null || !CREDIT_CODE.matcher(id).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < CREDIT_CODE_WEIGHTS.length; i++) {
			sum += CREDIT_CODE_CHARACTERS.indexOf(id.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return id.charAt(17) == CREDIT_CODE_CHARACTERS.charAt(check);
	}
}
