package cn.onething.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * What a staff password must be, after current guidance (NIST SP 800-63B, 2024): long rather than complex (at
 * least 12 characters, no rules about digits or symbols), not one of the passwords found again and again in
 * breaches (identity/common-passwords.txt), and not the username. bcrypt reads at most 72 bytes, so longer
 * passwords are refused instead of being silently cut.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;
	static final int MAX_BYTES = 72;
	private static final String COMMON = "/identity/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		this.common = readCommon();
	}

	/** Why the password is refused, in words for the person choosing it; empty when it is acceptable. */
	public Optional<String> problem(String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符；长而好记的一句话比复杂的短密码更安全。");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("密码太长：最多 " + MAX_BYTES + " 字节（72 个英文字符或 24 个汉字）。");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower)) {
			return Optional.of("这是泄露密码库中常见的密码，很容易被猜到，请换一个。");
		}
		// two- or three-letter usernames (li, wang) would refuse harmless passwords
		if (username != null && username.length() >= 4 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("密码不能包含用户名。");
		}
		return Optional.empty();
	}

	private static Set<String> readCommon() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON)) {
			if (in == null) {
				throw new IllegalStateException(COMMON + " is missing from the classpath");
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
					.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
					.map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
