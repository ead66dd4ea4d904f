package cn.onething.identity.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import cn.onething.identity.StaffSession;
import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie at the door of the console: changed, expired, signed out, never opened, or of a disabled account,
 * it lets no one in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
		"onething.identity.session-secret=" + SessionCookieTests.SECRET })
class SessionCookieTests {

	static final String SECRET = "session-cookie-tests-secret-0123456789";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonMapper json;

	@Autowired
	StaffAccounts accounts;

	WebTestClient web;

	StaffSession police;

	@BeforeEach
	void signedIn() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		db.sql("update identity_staff set enabled = true").then().block();
		db.sql("delete from identity_session").then().block();
		police = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD);
	}

	@Test
	void theSignedCookieOpensTheConsole() {
		assertThat(police.page("/staff")).contains("公安审核员");
	}

	@Test
	void aChangedCookieIsRefusedAndCleared() {
		String value = police.cookies().get(CookieSecurityContextRepository.COOKIE);
		char changed = value.charAt(10) == 'A' ? 'B' : 'A';
		police.cookies().put(CookieSecurityContextRepository.COOKIE, value.substring(0, 10) + changed + value.substring(11));

		EntityExchangeResult<String> answer = police.get("/staff");

		assertThat(answer.getResponseHeaders().getLocation()).hasPath("/staff/login");
		assertThat(police.cookies()).doesNotContainKey(CookieSecurityContextRepository.COOKIE);
	}

	@Test
	void anExpiredCookieIsRefused() {
		Instant signedInAt = Instant.now().minus(Duration.ofHours(2));
		police.cookies().put(CookieSecurityContextRepository.COOKIE, sessions().sign(SignedSessions.Ticket.of(
				currentSession(), SignedSessionsTests.POLICE, signedInAt, signedInAt.plus(Duration.ofHours(1)),
				signedInAt.plus(Duration.ofHours(10)))));

		assertThat(police.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");
	}

	@Test
	void aDisabledAccountIsSignedOutAtTheNextCheckOfTheAccount() {
		db.sql("update identity_staff set enabled = false where username = 'police'").then().block();
		assertThat(police.page("/staff")).as("the cookie is trusted until the account is read again").contains("公安审核员");

		Instant checkedLongAgo = Instant.now().minus(CookieSecurityContextRepository.RECHECK_AFTER).minusSeconds(1);
		police.cookies().put(CookieSecurityContextRepository.COOKIE, sessions().sign(SignedSessions.Ticket.of(
				currentSession(), SignedSessionsTests.POLICE, checkedLongAgo, checkedLongAgo.plus(Duration.ofHours(1)),
				checkedLongAgo.plus(Duration.ofHours(10)))));

		assertThat(police.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");
		assertThat(police.cookies()).doesNotContainKey(CookieSecurityContextRepository.COOKIE);
	}

	@Test
	void usingTheConsoleAfterTheRecheckIntervalExtendsTheSession() {
		Instant checkedLongAgo = Instant.now().minus(CookieSecurityContextRepository.RECHECK_AFTER).minusSeconds(1);
		String old = sessions().sign(SignedSessions.Ticket.of(currentSession(), SignedSessionsTests.POLICE, checkedLongAgo,
				checkedLongAgo.plus(Duration.ofHours(1)), checkedLongAgo.plus(Duration.ofHours(10))));
		police.cookies().put(CookieSecurityContextRepository.COOKIE, old);

		EntityExchangeResult<String> answer = police.get("/staff");

		assertThat(answer.getResponseBody()).contains("公安审核员");
		String renewed = police.cookies().get(CookieSecurityContextRepository.COOKIE);
		assertThat(renewed).isNotEqualTo(old);
		assertThat(sessions().verify(renewed, Instant.now().plus(Duration.ofMinutes(50)))).as("a new hour").isPresent();
	}

	@Test
	void aCookieSignedForASessionThatWasNeverOpenedIsRefused() {
		Instant now = Instant.now();
		police.cookies().put(CookieSecurityContextRepository.COOKIE, sessions().sign(SignedSessions.Ticket.of(
				UUID.randomUUID(), SignedSessionsTests.POLICE, now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(10)))));

		assertThat(police.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");
	}

	@Test
	void theOldCookieReplayedAfterSigningOutIsRefused() {
		String cookie = police.cookies().get(CookieSecurityContextRepository.COOKIE);
		police.submit("/staff", "/staff/logout", StaffSession.form());

		StaffSession replay = new StaffSession(web);
		replay.cookies().put(CookieSecurityContextRepository.COOKIE, cookie);
		EntityExchangeResult<String> answer = replay.get("/staff");

		assertThat(answer.getStatus().is3xxRedirection()).isTrue();
		assertThat(answer.getResponseHeaders().getLocation()).hasPath("/staff/login");
		assertThat(liveSessions("police")).isZero();
	}

	@Test
	void disablingTheAccountEndsItsSessionAtOnce() {
		StaffSession secondBrowser = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD);
		assertThat(liveSessions("police")).isEqualTo(2);

		accounts.setEnabled("admin", "police", false).block();

		assertThat(police.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");
		assertThat(secondBrowser.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");
		assertThat(liveSessions("police")).isZero();
	}

	private UUID currentSession() {
		return sessions().verify(police.cookies().get(CookieSecurityContextRepository.COOKIE), Instant.now()).orElseThrow().session();
	}

	private long liveSessions(String username) {
		return db.sql("select count(*) as n from identity_session where username = :u and revoked_at is null")
				.bind("u", username).map(row -> row.get("n", Long.class)).one().block();
	}

	private SignedSessions sessions() {
		return new SignedSessions(SignedSessions.keyFrom("session", SECRET), json);
	}
}
