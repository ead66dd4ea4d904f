package cn.onething.identity.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.StaffMember;
import cn.onething.identity.internal.StaffAccountStore.StaffAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks a user name and password, and stops guessing without handing anyone a way to lock staff out:
 * <ul>
 * <li>{@code max-failed-sign-ins} wrong passwords in a row for one user name from one client address lock that
 * pair for {@code lock-duration}; the same member signs in from their own desk meanwhile;</li>
 * <li>once a user name has that many wrong passwords from anywhere within {@code lock-duration}, every attempt on
 * it waits {@code account-slowdown} first: guessing from many addresses gets slow, the owner only waits a moment;</li>
 * <li>both are logged as one WARN line (never with the password), for the administrator;</li>
 * <li>a name that belongs to no account costs the same bcrypt check against a stand-in hash and is counted the
 * same, so neither the time nor the answer tells which names exist.</li>
 * </ul>
 * The client address is the request's (see {@link ClientAddress}), read from the exchange Spring Security keeps in
 * the Reactor context of every secured request. A successful sign-in ends with the {@link StaffMember} as
 * principal, which is what the session cookie holds.
 */
@Component
public class SignInAttempts implements ReactiveAuthenticationManager {

	private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

	private final StaffAccountStore accounts;
	private final SignInFailureStore failures;
	private final PasswordEncoder encoder;
	private final IdentityProperties properties;
	/** What an unknown name's password is checked against: a real hash of a password nobody knows. */
	private final String standInHash;

	SignInAttempts(StaffAccountStore accounts, SignInFailureStore failures, PasswordEncoder encoder,
			IdentityProperties properties) {
		this.accounts = accounts;
		this.failures = failures;
		this.encoder = encoder;
		this.properties = properties;
		this.standInHash = encoder.encode(UUID.randomUUID().toString());
	}

	@Override
	public Mono<Authentication> authenticate(Authentication attempt) {
		String username = StaffAccountStore.normalize(attempt.getName());
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		return client().flatMap(client -> failures.standing(username, client, properties.lockDuration())
				.flatMap(standing -> standing.pairLocked()
						? Mono.error(new LockedException("locked for this address after failed sign-ins"))
						: slowedWhen(standing).then(check(username, password, client, standing))));
	}

	private Mono<Void> slowedWhen(SignInFailureStore.Standing standing) {
		boolean slowed = standing.nameLockedSomewhere() || standing.recentFailuresOfName() >= properties.maxFailedSignIns();
		// a timer, not a sleep: the event loop goes on serving others meanwhile
		return slowed ? Mono.delay(properties.accountSlowdown()).then() : Mono.empty();
	}

	private Mono<Authentication> check(String username, String password, String client, SignInFailureStore.Standing standing) {
		return accounts.byUsername(username).map(Optional::of).defaultIfEmpty(Optional.<StaffAccount>empty())
				.flatMap(account -> matches(password, account.map(StaffAccount::passwordHash).orElse(standInHash))
						.flatMap(matches -> matches && account.get().enabled()
								? failures.clear(username, client).then(upgradeHash(account.get(), password))
										.thenReturn(signedIn(account.get()))
								: failed(username, client, account.isPresent(), standing)));
	}

	private Mono<Boolean> matches(String password, String hash) {
		// bcrypt is slow on purpose: keep it off the event loop
		return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
	}

	/** An old scheme or a lower cost than configured: re-hashed now, while the password is at hand. */
	private Mono<Void> upgradeHash(StaffAccount account, String password) {
		if (!encoder.upgradeEncoding(account.passwordHash())) {
			return Mono.empty();
		}
		return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic())
				.flatMap(hash -> accounts.replaceHash(account.member().username(), account.passwordHash(), hash));
	}

	private Mono<Authentication> failed(String username, String client, boolean known, SignInFailureStore.Standing before) {
		int max = properties.maxFailedSignIns();
		Duration lock = properties.lockDuration();
		// a name typed that is no account's may be a password typed in the wrong field: it stays out of the log
		String who = known ? "staff account " + username : "an unknown user name";
		boolean slowedFromNow = before.recentFailuresOfName() + 1 == max;
		String slowed = "; sign-ins to it from anywhere now wait " + properties.accountSlowdown();
		return failures.recordFailure(username, client, max, lock, lock).flatMap(lockedNow -> {
			if (lockedNow) {
				log.warn("sign-ins to {} from {} locked for {} after {} wrong passwords in a row{}", who, client, lock, max,
						slowedFromNow ? slowed : "");
				return Mono.error(new LockedException("locked for this address after failed sign-ins"));
			}
			if (slowedFromNow) {
				log.warn("{} has had {} wrong passwords within {}, the last from {}{}", who, max, lock, client, slowed);
			}
			return Mono.error(new BadCredentialsException("wrong user name or password"));
		});
	}

	private static Authentication signedIn(StaffAccount account) {
		return UsernamePasswordAuthenticationToken.authenticated(account.member(), null,
				StaffAuthorities.of(account.member(), account.mustChangePassword()));
	}

	private static Mono<String> client() {
		return Mono.deferContextual(context -> Mono.just(context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
				.map(ClientAddress::of).orElse("unknown")));
	}
}
