package cn.onething.wechat.web;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth {@code state}: the scene and an expiry, signed with HMAC-SHA256, so the callback can trust the scene
 * without keeping anything on the server (any replica may receive the callback). WeChat allows only a-zA-Z0-9 and
 * 128 bytes in state (docs/wechat.md §5), hence base 36: a marker byte, 4 bytes of expiry, the scene (at most 64 bytes,
 * see Scenes) and 12 bytes of MAC make at most 126 characters.
 */
final class SignedState {

	private static final int MAC_BYTES = 12;
	private static final int MAX_LENGTH = 128;
	/** Keeps leading zero bytes through the BigInteger round trip. */
	private static final byte MARKER = 1;

	private final byte[] key;
	private final Clock clock;
	private final Duration lifetime;

	SignedState(byte[] key, Clock clock, Duration lifetime) {
		this.key = key.clone();
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** A key derived from the AppSecret: every replica has it, and it never leaves the service. */
	static byte[] keyFrom(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256")
					.digest(("onething.wechat.oauth-state:" + secret).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	String issue(String scene) {
		byte[] sceneBytes = scene.getBytes(StandardCharsets.UTF_8);
		ByteBuffer payload = ByteBuffer.allocate(1 + 4 + sceneBytes.length);
		payload.put(MARKER).putInt((int) clock.instant().plus(lifetime).getEpochSecond()).put(sceneBytes);
		byte[] signed = ByteBuffer.allocate(payload.capacity() + MAC_BYTES).put(payload.array()).put(mac(payload.array())).array();
		return new BigInteger(1, signed).toString(36);
	}

	/** The scene, if the state is ours, untouched and not expired. */
	Optional<String> verify(String state) {
		if (state == null || state.isEmpty() || state.length() > MAX_LENGTH || !state.matches("[0-9a-z]+")) {
			return Optional.empty();
		}
		byte[] signed = new BigInteger(state, 36).toByteArray();
		int offset = signed.length > 0 && signed[0] == 0 ? 1 : 0;
		signed = Arrays.copyOfRange(signed, offset, signed.length);
		if (signed.length < 1 + 4 + 1 + MAC_BYTES || signed[0] != MARKER) {
			return Optional.empty();
		}
		byte[] payload = Arrays.copyOf(signed, signed.length - MAC_BYTES);
		byte[] givenMac = Arrays.copyOfRange(signed, payload.length, signed.length);
		if (!MessageDigest.isEqual(mac(payload), givenMac)) {
			return Optional.empty();
		}
		long expiresAt = Integer.toUnsignedLong(ByteBuffer.wrap(payload, 1, 4).getInt());
		if (clock.instant().getEpochSecond() > expiresAt) {
			return Optional.empty();
		}
		return Optional.of(new String(payload, 5, payload.length - 5, StandardCharsets.UTF_8));
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JVM has HmacSHA256", e);
		}
	}
}
