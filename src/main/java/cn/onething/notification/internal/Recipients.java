package cn.onething.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An openid as staff and logs see it: enough to tell two recipients of one case apart, not enough to address
 * anyone. An openid names a person to the official account, so it is treated like personal data.
 */
public final class Recipients {

	private Recipients() {
	}

	/**
	 * A stable name for an openid that does not reveal it, for keys that end up in logs (outbox dedupe keys): the
	 * first 16 hex digits of its SHA-256.
	 */
	public static String pseudonym(String openid) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(openid.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	/** oABCD1234efgh5678 → oABC****5678. */
	public static String masked(String openid) {
		if (openid == null || openid.length() <= 8) {
			return "****";
		}
		return openid.substring(0, 4) + "****" + openid.substring(openid.length() - 4);
	}
}
