package cn.onething.identity.internal;

import java.util.Set;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staff accounts in PostgreSQL: hashed passwords, and a lock after repeated wrong ones that every replica sees. Called
 * outside a web request, every attempt here comes from one and the same (unknown) address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class SignInAttemptsTests {

	static final StaffMember CLERK = new StaffMember("clerk", "窗口二号", null, Set.of(StaffRole.WINDOW));
	static final String PASSWORD = "clerk-password-1";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@Autowired
	StaffAccountStore accounts;

	@Autowired
	SignInAttempts signIn;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void aFreshAccount() {
		db.sql("delete from identity_staff where username = 'clerk'").then().block();
		db.sql("delete from identity_sign_in_failure").then().block();
		assertThat(accounts.insertIfAbsent(CLERK, encoder.encode(PASSWORD), false).block()).isTrue();
	}

	@Test
	void thePasswordIsStoredAsAPrefixedBcryptHashOnly() {
		String hash = db.sql("select password_hash from identity_staff where username = 'clerk'")
				.map(row -> row.get("password_hash", String.class)).one().block();

		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
		assertThat(encoder.matches(PASSWORD, hash)).isTrue();
	}

	@Test
	void aTakenUsernameIsNotOverwritten() {
		assertThat(accounts.insertIfAbsent(new StaffMember("clerk", "冒名", null, Set.of(StaffRole.ADMIN)), "another-hash", false).block())
				.isFalse();
		assertThat(attempt(PASSWORD).getPrincipal()).isEqualTo(CLERK);
	}

	@Test
	void aSignedInMemberIsTheAccountsStaffMemberWithItsRoles() {
		Authentication signedIn = attempt(PASSWORD);

		assertThat(signedIn.getPrincipal()).isEqualTo(CLERK);
		assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_WINDOW");
	}

	@Test
	void theUsernameIsTakenAsTypedAtAHallDesk() {
		assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(" Clerk ", PASSWORD)).block()
				.getPrincipal()).isEqualTo(CLERK);
	}

	@Test
	void fiveWrongPasswordsInARowFromOneAddressLockItEvenAgainstTheRightOne() {
		for (int i = 1; i < 5; i++) {
			assertThatThrownBy(() -> attempt("wrong")).isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> attempt("wrong")).as("the fifth").isInstanceOf(LockedException.class);

		assertThatThrownBy(() -> attempt(PASSWORD)).isInstanceOf(LockedException.class);
	}

	@Test
	void theLockEndsAfterItsTimeAndTheCountStartsAgain() {
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> attempt("wrong")).isNotNull();
		}
		db.sql("update identity_sign_in_failure set locked_until = now() - interval '1 second' where username = 'clerk'").then().block();

		assertThat(attempt(PASSWORD).getPrincipal()).isEqualTo(CLERK);
		assertThatThrownBy(() -> attempt("wrong")).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void aSuccessfulSignInClearsTheCount() {
		for (int i = 0; i < 4; i++) {
			assertThatThrownBy(() -> attempt("wrong")).isInstanceOf(BadCredentialsException.class);
		}
		attempt(PASSWORD);

		assertThatThrownBy(() -> attempt("wrong")).as("a new count").isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void anUnknownUsernameGetsTheAnswerOfAWrongPassword() {
		assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")).block())
				.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void aNameOfNoAccountIsCountedAndLockedLikeAnAccountsName() {
		for (int i = 1; i < 5; i++) {
			assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")).block())
					.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")).block())
				.isInstanceOf(LockedException.class);
	}

	@Test
	void aDisabledAccountCannotSignIn() {
		db.sql("update identity_staff set enabled = false where username = 'clerk'").then().block();

		assertThatThrownBy(() -> attempt(PASSWORD)).isNotNull();
	}

	private Authentication attempt(String password) {
		return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("clerk", password)).block();
	}
}
