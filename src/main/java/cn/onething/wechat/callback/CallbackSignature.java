package cn.onething.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's callback signatures (docs/wechat.md §6.1, §6.3): SHA-1 over the parts sorted and joined. The URL's
 * {@code signature} signs Token, timestamp and nonce; {@code msg_signature} adds the ciphertext.
 */
final class CallbackSignature {

	private CallbackSignature() {
	}

	static String of(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-1", e);
		}
	}

	/** In constant time, so response timing does not tell a forger how much of a guess was right. */
	static boolean matches(String given, String... parts) {
		if (given == null || Arrays.stream(parts).anyMatch(part -> part == null)) {
			return false;
		}
		return MessageDigest.isEqual(of(parts).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.UTF_8));
	}
}
