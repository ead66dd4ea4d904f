package cn.onething.identity.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value of the staff session cookie: the member, when their account was last read, and when the session ends,
 * as JSON signed with HMAC-SHA256. Whoever holds the key can check it without asking anyone, so any replica serves
 * any request; nobody without the key can make or change one.
 */
final class SignedSessions {

	/**
	 * What the cookie says, field by field, so its format stays put when {@link StaffMember} changes. Times in epoch
	 * seconds; {@code checkedAt} is when the account was last read from the database, {@code expiresAt} when this
	 * value stops working (idleness), {@code endsAt} when the session does whatever happens (its lifetime);
	 * {@code session} is its row in identity_session; {@code passwordChangeRequired} while the member signed in with a
	 * password someone else chose.
	 */
	record Ticket(UUID session, String username, String displayName, String departmentId, Set<StaffRole> roles,
			long checkedAt, long expiresAt, long endsAt, boolean passwordChangeRequired, String place) {

		static Ticket of(UUID session, StaffMember member, Instant checkedAt, Instant expiresAt, Instant endsAt) {
			return new Ticket(session, member.username(), member.displayName(), member.departmentId(), member.roles(),
					checkedAt.getEpochSecond(), Math.min(expiresAt.getEpochSecond(), endsAt.getEpochSecond()),
					endsAt.getEpochSecond(), false, member.place());
		}

		/** The same, for a member who may only choose a new password until they have. */
		Ticket requiringPasswordChange(boolean required) {
			return new Ticket(session, username, displayName, departmentId, roles, checkedAt, expiresAt, endsAt, required, place);
		}

		Instant ends() {
			return Instant.ofEpochSecond(endsAt);
		}

		StaffMember member() {
			return new StaffMember(username, displayName, departmentId, roles, place);
		}

		boolean checkedBefore(Instant moment) {
			return checkedAt < moment.getEpochSecond();
		}
	}

	private static final Logger log = LoggerFactory.getLogger(SignedSessions.class);
	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

	private final byte[] key;
	private final JsonMapper json;

	SignedSessions(byte[] key, JsonMapper json) {
		this.key = key.clone();
		this.json = json;
	}

	/**
	 * A key of its own for each purpose (the console's cookie, API tokens, SSO sign-ins under way), so that the secret
	 * never signs anything else by accident and a value made for one purpose is refused for another.
	 */
	static byte[] keyFrom(String purpose, String secret) {
		try {
			return MessageDigest.getInstance("SHA-256")
					.digest(("onething.identity." + purpose + ":" + secret).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}

	/**
	 * Signs with the configured secret, or, without one, with a random key of this replica (logged as a warning:
	 * such values end with a restart and other replicas refuse them).
	 */
	static SignedSessions forPurpose(String purpose, IdentityProperties properties, JsonMapper json) {
		if (properties.hasSessionSecret()) {
			return new SignedSessions(keyFrom(purpose, properties.sessionSecret()), json);
		}
		log.warn("onething.identity.session-secret is not set: staff {}s are signed with a random key, so they end "
				+ "with a restart and are not accepted by other replicas; set the same secret on every replica", purpose);
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return new SignedSessions(random, json);
	}

	/** Any record as signed JSON: a ticket, or a sign-in waiting for the SSO provider's answer. */
	String sign(Object value) {
		byte[] payload = json.writeValueAsBytes(value);
		return BASE64.encodeToString(payload) + "." + BASE64.encodeToString(mac(payload));
	}

	/** The ticket, if the value is ours, untouched and not expired at {@code now}. */
	Optional<Ticket> verify(String value, Instant now) {
		// a value from before sessions were registered names none: signed out, like any other old shape
		return read(value, Ticket.class)
				.filter(ticket -> ticket.session() != null && now.getEpochSecond() < ticket.expiresAt());
	}

	/** What {@link #sign} signed, if the value is ours and untouched. */
	<T> Optional<T> read(String value, Class<T> type) {
		int dot = value == null ? -1 : value.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		try {
			byte[] payload = UNBASE64.decode(value.substring(0, dot));
			// base64 leaves spare bits in a last character; only the one spelling we write is accepted, so a value
			// with any character changed is refused even where the decoded bytes would stay the same
			String expected = BASE64.encodeToString(payload) + "." + BASE64.encodeToString(mac(payload));
			// in constant time: how much of a forged signature matched must not show in the answer's time
			if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), value.getBytes(StandardCharsets.UTF_8))) {
				return Optional.empty();
			}
			return Optional.of(json.readValue(payload, type));
		}
		catch (IllegalArgumentException | JacksonException e) {
			// not base64, or signed by a version that wrote another shape: treated as signed out
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(key, "HmacSHA256"));
			return hmac.doFinal(payload);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JVM has HmacSHA256", e);
		}
	}
}
