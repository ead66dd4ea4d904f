package cn.onething.wechat.fake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message encryption (WXBizMsgCrypt, docs/wechat.md §6.3), written from the description and not from
 * WxJava, so that the service's use of WxJava is checked against an independent implementation.
 */
public final class FakeCrypt {

	private FakeCrypt() {
	}

	/** What decrypting gives back: the message and the app id appended to it. */
	public record Opened(String message, String appId) {
	}

	/**
	 * random (16 bytes) ‖ length (4 bytes, big-endian) ‖ message ‖ appid, PKCS#7 to 32, AES-256-CBC, IV = key[0..16).
	 */
	public static String encrypt(String encodingAesKey, String appId, String random16, String message) {
		byte[] random = random16.getBytes(StandardCharsets.UTF_8);
		byte[] text = message.getBytes(StandardCharsets.UTF_8);
		byte[] app = appId.getBytes(StandardCharsets.UTF_8);
		int length = random.length + 4 + text.length + app.length;
		int pad = 32 - length % 32;
		ByteBuffer plain = ByteBuffer.allocate(length + pad).put(random).putInt(text.length).put(text).put(app);
		for (int i = 0; i < pad; i++) {
			plain.put((byte) pad);
		}
		return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, encodingAesKey, plain.array()));
	}

	public static Opened decrypt(String encodingAesKey, String encrypt) {
		byte[] plain = cipher(Cipher.DECRYPT_MODE, encodingAesKey, Base64.getDecoder().decode(encrypt));
		int pad = plain[plain.length - 1];
		byte[] unpadded = Arrays.copyOf(plain, plain.length - pad);
		int length = ByteBuffer.wrap(unpadded, 16, 4).getInt();
		return new Opened(new String(unpadded, 20, length, StandardCharsets.UTF_8),
				new String(unpadded, 20 + length, unpadded.length - 20 - length, StandardCharsets.UTF_8));
	}

	/** §6.1/§6.3: SHA-1 of the sorted, joined parts. */
	public static String signature(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] cipher(int mode, String encodingAesKey, byte[] input) {
		byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
		try {
			Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
			aes.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			return aes.doFinal(input);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
