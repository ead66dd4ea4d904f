package cn.onething.casework.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.util.unit.DataSize;

/**
 * Tells a material's type by its first bytes, not by its name or the browser's word: only PDF, JPEG and PNG are
 * kept, because those are what window staff can open and print on any machine.
 */
public final class MaterialFiles {

	/** The types accepted, as a file input's {@code accept} attribute lists them. */
	public static final String ACCEPT = "application/pdf,image/jpeg,image/png";

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private MaterialFiles() {
	}

	/** The content type of an accepted file, or empty when the content is none of the accepted types. */
	public static Optional<String> contentType(byte[] content) {
		if (startsWith(content, PDF)) {
			return Optional.of("application/pdf");
		}
		if (startsWith(content, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(content, PNG)) {
			return Optional.of("image/png");
		}
		return Optional.empty();
	}

	/** Why a file of another type is refused, in the applicant's words. */
	public static String notAccepted(String fileName) {
		return "只能上传 PDF、JPG 或 PNG 文件（“" + fileName + "”不是）";
	}

	/** Why a file over the size limit is refused, in the applicant's words. */
	public static String tooLarge(DataSize max) {
		return "文件超过 " + inWords(max) + "，请压缩后再上传";
	}

	/** A size limit as people read it: whole megabytes when it is, kilobytes otherwise. */
	public static String inWords(DataSize size) {
		return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

	/** The file's fingerprint, stored beside it and used to tell a repeated submission from a different one. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
	}
}
