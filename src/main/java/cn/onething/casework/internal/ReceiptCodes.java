package cn.onething.casework.internal;

import java.security.SecureRandom;

/**
 * Receipt codes (回执编号) that an applicant reads aloud or types on a phone: "FS" and eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L). 31^8 ≈ 8.5e11 codes, random so they cannot be guessed in order.
 */
public final class ReceiptCodes {

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
	private static final SecureRandom RANDOM = new SecureRandom();

	private ReceiptCodes() {
	}

	public static String next() {
		StringBuilder code = new StringBuilder("FS");
		for (int i = 0; i < 8; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** A code as typed or read out: spaces around it and lower case forgiven. */
	public static String normalized(String typed) {
		return typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
	}

	public static boolean looksValid(String code) {
		return code != null && code.matches("FS[" + ALPHABET + "]{8}");
	}
}
