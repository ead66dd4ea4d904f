package cn.onething.notification.internal;

/**
 * An openid as staff and logs see it: enough to tell two recipients of one case apart, not enough to address
 * anyone. An openid names a person to the official account, so it is treated like personal data.
 */
public final class Recipients {

	private Recipients() {
	}

	/** oABCD1234efgh5678 → oABC****5678. */
	public static String masked(String openid) {
		if (openid == null || openid.length() <= 8) {
			return "****";
		}
		return openid.substring(0, 4) + "****" + openid.substring(openid.length() - 4);
	}
}
