package cn.onething.shared;

/**
 * Masking of personal data for logs, notifications, printed notices and staff without the right to see it. The
 * masked forms follow common practice in Chinese government services: enough to recognise one's own record, not
 * enough to identify a stranger.
 */
public final class PersonalData {

	private PersonalData() {
	}

	/** 张三丰 → 张** ; a single character stays as it is. */
	public static String maskName(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		int first = name.strip().codePointAt(0);
		int rest = name.strip().codePointCount(0, name.strip().length()) - 1;
		return new StringBuilder().appendCodePoint(first).append("*".repeat(rest)).toString();
	}

	/** 450102199001011234 → 450***********1234 */
	public static String maskIdNumber(String idNumber) {
		if (idNumber == null || idNumber.length() < 8) {
			return "****";
		}
		return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
	}

	/** 13812345678 → 138****5678: for the applicant, who recognises their own number by its end. */
	public static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return "****";
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

	/**
	 * 13812345678 → 138********: for anyone but the applicant and the staff handling the case. The last four digits
	 * are what opens the applicant's progress page, with the receipt code (docs/architecture.md §2, 回执编号), so
	 * they are never shown beside it.
	 */
	public static String maskPhoneEnd(String phone) {
		return keepFirstThree(phone);
	}

	/** 450102199001011234 → 450***************: the issuing region's first digits only, for the same readers. */
	public static String maskIdNumberEnd(String idNumber) {
		return keepFirstThree(idNumber);
	}

	private static String keepFirstThree(String digits) {
		if (digits == null || digits.length() < 7) {
			return "****";
		}
		return digits.substring(0, 3) + "*".repeat(digits.length() - 3);
	}
}
