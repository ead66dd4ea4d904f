package cn.onething.identity.internal;

import java.time.Clock;
import java.util.Optional;

import cn.onething.identity.IdentityProperties;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks a username and password, and stops guessing: {@code max-failed-sign-ins} wrong passwords in a row lock the
 * account for {@code lock-duration}, on every replica, because the count is in the database. A successful sign-in
 * ends with the {@link cn.onething.identity.StaffMember} as principal, which is what the session cookie holds.
 */
@Component
public class SignInAttempts implements ReactiveAuthenticationManager {

	private final UserDetailsRepositoryReactiveAuthenticationManager passwords;
	private final StaffAccountStore accounts;
	private final IdentityProperties properties;
	private final Clock clock;

	SignInAttempts(StaffUserDetailsService users, PasswordEncoder encoder, StaffAccountStore accounts,
			IdentityProperties properties, Optional<Clock> clock) {
		this.passwords = new UserDetailsRepositoryReactiveAuthenticationManager(users);
		this.passwords.setPasswordEncoder(encoder);
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Mono<Authentication> authenticate(Authentication attempt) {
		String username = StaffAccountStore.normalize(attempt.getName());
		return passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, attempt.getCredentials()))
				.flatMap(success -> accounts.clearFailures(username).thenReturn(asMember(success)))
				.onErrorResume(BadCredentialsException.class, wrong -> accounts
						.recordFailure(username, properties.maxFailedSignIns(), clock.instant().plus(properties.lockDuration()))
						.defaultIfEmpty(false)
						.flatMap(lockedNow -> Mono.error(lockedNow ? new LockedException("locked after failed sign-ins") : wrong)));
	}

	private static Authentication asMember(Authentication success) {
		StaffUser user = (StaffUser) success.getPrincipal();
		return UsernamePasswordAuthenticationToken.authenticated(user.member(), null, StaffUser.authoritiesOf(user.member()));
	}
}
