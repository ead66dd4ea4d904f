package cn.onething.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import cn.onething.OnethingApplication;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "no sticky sessions" proof: two replicas, i.e. two application contexts with servers of their own, sharing a
 * database and the session secret and nothing else. A member signed in on one is signed in on the other, and a form
 * rendered by one is accepted by the other; signing out on one ends the session on the other within the revocation
 * check interval (5 s). A replica with another secret lets nobody in.
 */
class NoStickySessionsTests {

	static final String SECRET = "replicas-share-this-secret-0123456789";

	static ConfigurableApplicationContext first;
	static ConfigurableApplicationContext second;
	static ConfigurableApplicationContext stranger;
	/** The second replica's clock, to let its cached look at a session fall due. */
	static final MovableClock secondsClock = new MovableClock();

	@BeforeAll
	static void twoReplicasOfOneDatabase() {
		Map<String, Object> database = new HashMap<>();
		TestDatabase.registerFresh((name, value) -> database.put(name, value.get()));
		first = replica(database, SECRET, null);
		second = replica(database, SECRET, secondsClock);
		stranger = replica(database, "a-different-secret-of-thirty-two-chars", null);
		first.getBean(DemoAccounts.class).create().block();
	}

	@AfterAll
	static void stop() {
		for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] { first, second, stranger }) {
			if (replica != null) {
				replica.close();
			}
		}
	}

	@Test
	void aMemberSignedInOnOneReplicaIsSignedInOnTheOther() {
		StaffSession onFirst = StaffSession.signedIn(client(first), "police", DemoAccounts.PASSWORD);
		StaffSession onSecond = new StaffSession(client(second));
		onSecond.cookies().putAll(onFirst.cookies());

		assertThat(onSecond.page("/staff")).contains("公安审核员", "我的待办");
	}

	@Test
	void aFormRenderedByOneReplicaIsAcceptedByTheOther() {
		StaffSession onFirst = StaffSession.signedIn(client(first), "medical", DemoAccounts.PASSWORD);
		String token = StaffSession.csrfToken(onFirst.page("/staff"));
		StaffSession onSecond = new StaffSession(client(second));
		onSecond.cookies().putAll(onFirst.cookies());

		EntityExchangeResult<String> signedOut = onSecond.post("/staff/logout", form("_csrf", token));

		assertThat(signedOut.getResponseHeaders().getLocation()).hasPath("/staff/login");
		assertThat(onSecond.cookies()).doesNotContainKey(CookieSecurityContextRepository.COOKIE);
	}

	@Test
	void aReplicaWithAnotherSecretRefusesTheCookie() {
		StaffSession onFirst = StaffSession.signedIn(client(first), "police", DemoAccounts.PASSWORD);
		StaffSession onStranger = new StaffSession(client(stranger));
		onStranger.cookies().putAll(onFirst.cookies());

		assertThat(onStranger.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");
	}

	@Test
	void signingOutOnOneReplicaEndsTheSessionOnTheOtherWithinTheCheckInterval() {
		StaffSession onFirst = StaffSession.signedIn(client(first), "hrss", DemoAccounts.PASSWORD);
		StaffSession onSecond = new StaffSession(client(second));
		onSecond.cookies().putAll(onFirst.cookies());
		assertThat(onSecond.page("/staff")).contains("人社审核员");

		onFirst.submit("/staff", "/staff/logout", form());

		assertThat(onSecond.page("/staff")).as("the second replica's look at the session is a moment old").contains("人社审核员");
		secondsClock.advance(Duration.ofSeconds(6));
		EntityExchangeResult<String> after = onSecond.get("/staff");
		assertThat(after.getStatus().is3xxRedirection()).isTrue();
		assertThat(after.getResponseHeaders().getLocation()).hasPath("/staff/login");
	}

	/** Settings as arguments, which win over application.yaml (its server.port, for one). */
	private static ConfigurableApplicationContext replica(Map<String, Object> database, String secret, Clock clock) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("server.port", 0);
		properties.put("onething.catalog.import-on-startup", false);
		properties.put("onething.identity.demo-accounts", false);
		properties.put("onething.identity.session-secret", secret);
		return new SpringApplicationBuilder(OnethingApplication.class)
				.initializers(context -> {
					if (clock != null) {
						context.getBeanFactory().registerSingleton("replicaClock", clock);
					}
				})
				.run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

	private static WebTestClient client(ConfigurableApplicationContext replica) {
		int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
		return WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}
}
