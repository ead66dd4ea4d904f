package cn.onething.identity.session;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie's value: only the key's holder makes one, nobody changes one, and it ends when it says. */
class SignedSessionsTests {

	static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
	static final StaffMember POLICE = new StaffMember("police", "公安审核员", "public-security", Set.of(StaffRole.REVIEWER));
	static final UUID SESSION = UUID.fromString("0c7a3e58-5b7e-4f65-9d1e-3f4a2b1c0d9e");
	static final JsonMapper JSON = JsonMapper.builder().build();

	final SignedSessions sessions = new SignedSessions(SignedSessions.keyFrom("session", "a-secret-of-at-least-thirty-two-chars"), JSON);

	String issuedNow() {
		return sessions.sign(SignedSessions.Ticket.of(SESSION, POLICE, NOW, NOW.plusSeconds(8 * 3600), NOW.plusSeconds(10 * 3600)));
	}

	@Test
	void aSessionCarriesTheMemberBack() {
		assertThat(sessions.verify(issuedNow(), NOW.plusSeconds(60))).get()
				.extracting(SignedSessions.Ticket::member).isEqualTo(POLICE);
	}

	@Test
	void aSessionWithAnyCharacterChangedIsRefused() {
		String value = issuedNow();
		for (int i = 0; i < value.length(); i++) {
			char other = value.charAt(i) == 'A' ? 'B' : 'A';
			String altered = value.substring(0, i) + other + value.substring(i + 1);
			assertThat(sessions.verify(altered, NOW)).as("changed at %d", i).isEmpty();
		}
	}

	@Test
	void aMemberWhoGivesThemselvesAnotherRoleIsRefused() {
		String value = issuedNow();
		String payload = new String(java.util.Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))));
		String promoted = payload.replace("REVIEWER", "SUPERVISOR");
		String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(promoted.getBytes())
				+ value.substring(value.indexOf('.'));

		assertThat(promoted).isNotEqualTo(payload);
		assertThat(sessions.verify(forged, NOW)).isEmpty();
	}

	@Test
	void aSessionSignedWithAnotherSecretIsRefused() {
		SignedSessions forger = new SignedSessions(SignedSessions.keyFrom("session", "another-secret-of-thirty-two-characters"), JSON);
		String forged = forger.sign(SignedSessions.Ticket.of(SESSION, POLICE, NOW, NOW.plusSeconds(3600), NOW.plusSeconds(3600)));

		assertThat(sessions.verify(forged, NOW)).isEmpty();
	}

	@Test
	void anExpiredSessionIsRefused() {
		String value = issuedNow();

		assertThat(sessions.verify(value, NOW.plusSeconds(8 * 3600 - 1))).isPresent();
		assertThat(sessions.verify(value, NOW.plusSeconds(8 * 3600))).isEmpty();
	}

	@Test
	void useNeverExtendsASessionPastItsLifetime() {
		String value = sessions.sign(SignedSessions.Ticket.of(SESSION, POLICE, NOW, NOW.plusSeconds(3600), NOW.plusSeconds(600)));

		assertThat(sessions.verify(value, NOW.plusSeconds(599))).isPresent();
		assertThat(sessions.verify(value, NOW.plusSeconds(600))).isEmpty();
	}

	@Test
	void aValueNamingNoSessionIsRefused() {
		String value = sessions.sign(new SignedSessions.Ticket(null, "police", "公安审核员", "public-security",
				Set.of(StaffRole.REVIEWER), NOW.getEpochSecond(), NOW.getEpochSecond() + 3600, NOW.getEpochSecond() + 3600, false, null));

		assertThat(sessions.verify(value, NOW)).isEmpty();
	}

	@Test
	void garbageIsRefused() {
		assertThat(sessions.verify(null, NOW)).isEmpty();
		assertThat(sessions.verify("", NOW)).isEmpty();
		assertThat(sessions.verify("no-dot-at-all", NOW)).isEmpty();
		assertThat(sessions.verify(".", NOW)).isEmpty();
		assertThat(sessions.verify("%%%.%%%", NOW)).isEmpty();
	}
}
