package cn.onething.wechat.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth state: WeChat allows a-zA-Z0-9 and 128 bytes (docs/wechat.md §5); nobody else can make one. */
class SignedStateTests {

	static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
	final SignedState states = new SignedState(SignedState.keyFrom("secret"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

	@Test
	void aStateCarriesItsSceneBack() {
		assertThat(states.verify(states.issue("case-42"))).contains("case-42");
	}

	@Test
	void theLongestSceneFitsWechatsLimit() {
		String state = states.issue("x".repeat(64));

		assertThat(state).matches("[A-Za-z0-9]{1,128}");
		assertThat(states.verify(state)).contains("x".repeat(64));
	}

	@Test
	void aStateWithAnyCharacterChangedIsRefused() {
		String state = states.issue("case-42");
		for (int i = 0; i < state.length(); i++) {
			char other = state.charAt(i) == 'a' ? 'b' : 'a';
			String altered = state.substring(0, i) + other + state.substring(i + 1);
			assertThat(states.verify(altered)).as("changed at %d", i).isEmpty();
		}
	}

	@Test
	void aStateSignedWithAnotherKeyIsRefused() {
		SignedState forger = new SignedState(SignedState.keyFrom("guess"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

		assertThat(states.verify(forger.issue("case-42"))).isEmpty();
	}

	@Test
	void anExpiredStateIsRefused() {
		SignedState later = new SignedState(SignedState.keyFrom("secret"), Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC),
				Duration.ofMinutes(10));

		assertThat(later.verify(states.issue("case-42"))).isEmpty();
	}

	@Test
	void garbageIsRefused() {
		assertThat(states.verify(null)).isEmpty();
		assertThat(states.verify("")).isEmpty();
		assertThat(states.verify("NOT-BASE-36")).isEmpty();
		assertThat(states.verify("z".repeat(129))).isEmpty();
	}
}
