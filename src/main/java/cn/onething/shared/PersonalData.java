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

	/** 13812345678 → 138****5678 */
	public static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return "****";
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}
}
