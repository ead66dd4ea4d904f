package cn.onething.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords behind a trusted proxy (server.forward-headers-strategy=native, as in k8s/): the lock holds
 * against the address that guessed, not against the member; the administrator reads one WARN line without the
 * password; and a name that is no account's answers as slowly as one that is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
		"server.forward-headers-strategy=native" })
@ExtendWith(OutputCaptureExtension.class)
class SignInLockOutTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demoAccounts;

	WebTestClient web;

	@BeforeEach
	void accounts() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
	}

	@Test
	void guessingFromOneAddressDoesNotLockTheMemberOutAtTheirOwnDesk(CapturedOutput log) {
		StaffSession attacker = new StaffSession(web).header("X-Forwarded-For", "203.0.113.66");
		EntityExchangeResult<String> last = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			last = attacker.submit("/staff/login", "/staff/login", form("username", "medical", "password", "Guess-No-" + attempt));
		}
		assertThat(attacker.follow(last)).contains("已暂停");
		EntityExchangeResult<String> attackerRight = attacker.submit("/staff/login", "/staff/login",
				form("username", "medical", "password", DemoAccounts.PASSWORD));
		assertThat(attacker.follow(attackerRight)).as("the guessing address stays locked").contains("已暂停");

		StaffSession owner = new StaffSession(web).header("X-Forwarded-For", "10.20.30.40");
		EntityExchangeResult<String> ownerSignsIn = owner.submit("/staff/login", "/staff/login",
				form("username", "medical", "password", DemoAccounts.PASSWORD));

		assertThat(ownerSignsIn.getResponseHeaders().getLocation()).hasPath("/staff");
		assertThat(owner.page("/staff")).contains("医保审核员");
		assertThat(log.getOut()).contains("sign-ins to staff account medical from 203.0.113.66 locked for PT15M after 5 wrong passwords")
				.doesNotContain("Guess-No-");
		assertThat(log.getOut().lines().filter(line -> line.contains("WARN") && line.contains("medical")).count())
				.as("one WARN line").isOne();
	}

	@Test
	void aNameOfNoAccountTakesAsLongToRefuseAsAKnownName() {
		List<String> known = DemoAccounts.MEMBERS.stream().map(StaffMember::username).filter(name -> !name.equals("medical")).toList();
		for (int warmUp = 0; warmUp < 6; warmUp++) {
			refusedIn(known.get(warmUp), "warm-up-" + warmUp);
			refusedIn("warm-up-" + UUID.randomUUID().toString().substring(0, 8), "warm-up-" + warmUp);
		}
		List<Long> knownNanos = new ArrayList<>();
		List<Long> unknownNanos = new ArrayList<>();
		// at most three wrong passwords per name, each from an address of its own: no lock and no slow-down is involved
		for (int round = 0; round < 3; round++) {
			for (String name : known) {
				knownNanos.add(refusedIn(name, "10.0." + round + "." + known.indexOf(name)));
				unknownNanos.add(refusedIn("nobody-" + UUID.randomUUID().toString().substring(0, 8), "10.1." + round + "." + known.indexOf(name)));
			}
		}

		double ratio = (double) median(unknownNanos) / median(knownNanos);
		assertThat(ratio).as("median unknown / median known over %d attempts each (known %s ns, unknown %s ns)",
				knownNanos.size(), median(knownNanos), median(unknownNanos)).isBetween(0.5, 2.0);
	}

	private long refusedIn(String username, String address) {
		long start = System.nanoTime();
		web.post().uri("/api/staff/tokens").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", address)
				.bodyValue(Map.of("username", username, "password", "not-the-password"))
				.exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
		return System.nanoTime() - start;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
