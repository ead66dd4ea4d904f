package cn.onething.identity.accounts;

import cn.onething.identity.StaffRole;
import cn.onething.identity.internal.StaffAccountStore;
import cn.onething.identity.internal.StaffAccountStore.StaffAccount;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** ONETHING_IDENTITY_BOOTSTRAP_ADMIN: the first administrator from the environment, made once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
		"onething.identity.bootstrap-admin=hall.admin",
		"onething.identity.bootstrap-admin-password=" + BootstrapAdminTests.PASSWORD })
class BootstrapAdminTests {

	static final String PASSWORD = "from a kubernetes secret, long enough";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@Autowired
	BootstrapAdmin bootstrap;

	@Autowired
	StaffAccountStore store;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void theAdministratorIsCreatedMustChangeThePasswordAndLaterStartsLeaveItAlone() {
		bootstrap.create().block();
		StaffAccount admin = store.byUsername("hall.admin").block();

		assertThat(admin.member().roles()).containsExactly(StaffRole.ADMIN);
		assertThat(admin.mustChangePassword()).isTrue();
		assertThat(encoder.matches(PASSWORD, admin.passwordHash())).isTrue();

		bootstrap.create().block();
		assertThat(store.byUsername("hall.admin").block().passwordHash()).isEqualTo(admin.passwordHash());
		assertThat(store.all().count().block()).isOne();
	}
}
