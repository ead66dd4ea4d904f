package cn.onething.system;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class NoServerSessionsTests {

	private final NoServerSessions sessions = new NoServerSessions();

	@Test
	void aSessionNobodyWroteToIsForgottenQuietly() {
		WebSession session = sessions.getSession(exchange()).block();

		assertThat(session.isStarted()).isFalse();
		StepVerifier.create(session.save()).verifyComplete();
	}

	@Test
	void aFeatureThatStoresStateInTheSessionFailsLoudlyInsteadOfWorkingOnOneReplicaOnly() {
		WebSession session = sessions.getSession(exchange()).block();
		session.getAttributes().put("basket", "something");

		StepVerifier.create(session.save()).verifyErrorMatches(e -> e instanceof IllegalStateException
				&& e.getMessage().contains("no server sessions"));
	}

	@Test
	void everyRequestGetsASessionOfItsOwn() {
		WebSession first = sessions.getSession(exchange()).block();
		first.getAttributes().put("seen", true);

		assertThat(sessions.getSession(exchange()).block().getAttributes()).isEmpty();
	}

	private static MockServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/"));
	}
}
