package cn.onething.identity.web;

import java.util.Map;
import java.util.Set;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.identity.StaffSession;
import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.identity.internal.StaffAccountStore;
import cn.onething.identity.session.CookieSecurityContextRepository;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password someone else chose must be replaced at the first sign-in, by one that passes the policy; hashes of an
 * older form are upgraded at sign-in; no password reaches the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
@ExtendWith(OutputCaptureExtension.class)
class PasswordChangeTests {

	static final String GIVEN = "窗口交给新同事的初始密码";
	static final String OWN = "left-bank of the Zuojiang river";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	StaffAccountStore store;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	@BeforeEach
	void aNewAccountWithAGivenPassword() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		db.sql("delete from identity_staff").then().block();
		db.sql("delete from identity_sign_in_failure").then().block();
		accounts.create("admin", new StaffAccounts.NewAccount("huang.li", "黄丽", null, Set.of(StaffRole.WINDOW), GIVEN)).block();
	}

	@Test
	void aGivenPasswordLetsTheMemberOnlyChooseTheirOwn() {
		StaffSession member = StaffSession.signedIn(web, "huang.li", GIVEN);

		EntityExchangeResult<String> queue = member.get("/staff");
		assertThat(queue.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(queue.getResponseHeaders().getLocation()).hasPath("/staff/password");
		assertThat(member.page("/staff/password")).contains("修改密码", "管理员设置或重置", "黄丽");
		web.post().uri("/api/staff/tokens").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", "huang.li", "password", GIVEN)).exchange().expectStatus().isForbidden();
	}

	@Test
	void aShortACommonOrAMistypedNewPasswordIsRefusedWithTheReason() {
		StaffSession member = StaffSession.signedIn(web, "huang.li", GIVEN);

		assertThat(change(member, GIVEN, "zuojiang", "zuojiang")).contains("密码至少需要 12 个字符");
		assertThat(change(member, GIVEN, "qwerty123456", "qwerty123456")).contains("泄露密码库中常见的密码");
		assertThat(change(member, GIVEN, OWN, OWN + "!")).contains("两次输入的新密码不一致");
		assertThat(change(member, "not the current one", OWN, OWN)).contains("当前密码不正确");
		assertThat(store.byUsername("huang.li").block().mustChangePassword()).isTrue();
	}

	@Test
	void afterChoosingTheirOwnPasswordTheConsoleOpensAndTheOldSessionIsOver() {
		StaffSession member = StaffSession.signedIn(web, "huang.li", GIVEN);
		String oldCookie = member.cookies().get(CookieSecurityContextRepository.COOKIE);

		EntityExchangeResult<String> changed = member.submit("/staff/password", "/staff/password",
				form("current", GIVEN, "password", OWN, "confirm", OWN));

		assertThat(changed.getResponseHeaders().getLocation()).hasPath("/staff");
		assertThat(member.page("/staff")).contains("我的待办");
		assertThat(store.byUsername("huang.li").block().mustChangePassword()).isFalse();
		StaffSession replay = new StaffSession(web);
		replay.cookies().put(CookieSecurityContextRepository.COOKIE, oldCookie);
		assertThat(replay.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");
		StaffSession.signedIn(web, "huang.li", OWN);
	}

	@Test
	void aHashFromBeforeTheSchemePrefixStillSignsInAndIsUpgraded() {
		String legacy = new BCryptPasswordEncoder().encode(OWN);
		store.insertIfAbsent(new StaffMember("old.timer", "老同事", null, Set.of(StaffRole.WINDOW)), legacy, false).block();

		StaffSession.signedIn(web, "old.timer", OWN);

		String upgraded = store.byUsername("old.timer").block().passwordHash();
		assertThat(legacy).startsWith("$2a$10$");
		assertThat(upgraded).startsWith("{bcrypt}$2a$").isNotEqualTo(legacy);
		assertThat(encoder.matches(OWN, upgraded)).isTrue();
	}

	@Test
	void noPasswordReachesTheLog(CapturedOutput log) {
		StaffSession member = StaffSession.signedIn(web, "huang.li", GIVEN);
		change(member, GIVEN, "qwerty123456", "qwerty123456");
		member.submit("/staff/password", "/staff/password", form("current", GIVEN, "password", OWN, "confirm", OWN));
		for (int i = 0; i < 5; i++) {
			new StaffSession(web).submit("/staff/login", "/staff/login", form("username", "huang.li", "password", "wrong-" + GIVEN));
		}

		assertThat(log.getOut()).contains("huang.li").doesNotContain(GIVEN, OWN, "qwerty123456");
	}

	private static String change(StaffSession member, String current, String chosen, String confirm) {
		EntityExchangeResult<String> answer = member.submit("/staff/password", "/staff/password",
				form("current", current, "password", chosen, "confirm", confirm));
		assertThat(answer.getStatus().is4xxClientError()).as("refused: %s", answer.getResponseBody()).isTrue();
		return answer.getResponseBody();
	}
}
