package cn.onething.identity.internal;

import java.time.Duration;

import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Demo accounts exist only where the setting asks for them: the embedded database of a newcomer's machine. */
class DemoAccountsTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	static long demoAccounts(DatabaseClient db) {
		return db.sql("select count(*) as n from identity_staff").map(row -> row.get("n", Long.class)).one().block();
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
			"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=true" })
	class WhenEnabled {

		@Autowired
		DatabaseClient db;

		@Autowired
		SignInAttempts signIn;

		@Test
		void everyDemoAccountIsCreatedAtStartUpWithTheDemoPassword() {
			await().atMost(Duration.ofSeconds(20)).until(() -> demoAccounts(db) == DemoAccounts.MEMBERS.size());

			assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("medical", DemoAccounts.PASSWORD))
					.block().getName()).isEqualTo("medical");
		}
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
			"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
	class WhenDisabled {

		@Autowired
		DatabaseClient db;

		@Test
		void noAccountIsCreated() {
			assertThat(demoAccounts(db)).isZero();
		}
	}
}
