package cn.onething.identity.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.onething.identity.accounts.AccountsCommand;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** API tokens that can be ended: listed and revoked by their owner over the API, or by an operator's command. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class StaffTokensTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	AccountsCommand command;

	@Autowired
	JsonMapper json;

	WebTestClient web;

	@BeforeEach
	void accounts() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		command.run(new AccountsCommand.Invocation(List.of("revoke-sessions", "fund"), null), System.out).block();
	}

	@Test
	void theOwnerListsTheirTokensAndARevokedTokenIsRefusedAtOnce() {
		JsonNode first = signIn("fund");
		JsonNode second = signIn("fund");
		String token = first.path("token").asString();

		JsonNode listed = json.readTree(get("/api/staff/tokens", token).expectStatus().isOk().expectBody(String.class)
				.returnResult().getResponseBody());
		assertThat(listed.valueStream().map(t -> t.path("id").asString()))
				.containsExactlyInAnyOrder(first.path("id").asString(), second.path("id").asString());

		web.delete().uri("/api/staff/tokens/{id}", second.path("id").asString()).headers(h -> h.setBearerAuth(token))
				.exchange().expectStatus().isNoContent();

		get("/api/staff/queue", second.path("token").asString()).expectStatus().isUnauthorized();
		get("/api/staff/queue", token).expectStatus().isOk();
	}

	@Test
	void nobodyRevokesAnotherMembersToken() {
		JsonNode fund = signIn("fund");
		String police = signIn("police").path("token").asString();

		web.delete().uri("/api/staff/tokens/{id}", fund.path("id").asString()).headers(h -> h.setBearerAuth(police))
				.exchange().expectStatus().isNotFound();
		get("/api/staff/queue", fund.path("token").asString()).expectStatus().isOk();
	}

	@Test
	void anOperatorsRevokeSessionsEndsEveryTokenOfTheAccount() {
		String token = signIn("fund").path("token").asString();
		get("/api/staff/queue", token).expectStatus().isOk();

		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int exit = command.run(new AccountsCommand.Invocation(List.of("revoke-sessions", "fund"), null),
				new PrintStream(printed, true, StandardCharsets.UTF_8)).block();

		assertThat(exit).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("账号 fund 的 1 个会话已结束");
		get("/api/staff/queue", token).expectStatus().isUnauthorized();
	}

	private JsonNode signIn(String username) {
		String body = web.post().uri("/api/staff/tokens").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", username, "password", DemoAccounts.PASSWORD))
				.exchange().expectStatus().isEqualTo(HttpStatus.OK).expectBody(String.class).returnResult().getResponseBody();
		return json.readTree(body);
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return web.get().uri(path).headers(headers -> headers.setBearerAuth(token)).exchange();
	}
}
