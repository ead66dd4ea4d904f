package cn.onething.identity;

import cn.onething.identity.internal.StaffAccountStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The identity module's facade: who is signed in, and new staff accounts. */
@Service
public class Identity {

	static final int MIN_PASSWORD_LENGTH = 8;

	private final StaffAccountStore accounts;
	private final PasswordEncoder encoder;

	Identity(StaffAccountStore accounts, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.encoder = encoder;
	}

	/** The staff member signed in on this request; empty on pages outside the staff console. */
	public Mono<StaffMember> signedIn() {
		return ReactiveSecurityContextHolder.getContext()
				.mapNotNull(SecurityContext::getAuthentication)
				.mapNotNull(Authentication::getPrincipal)
				.filter(StaffMember.class::isInstance)
				.cast(StaffMember.class);
	}

	/** Creates an account with a bcrypt hash of the password; emits false when the username is taken. */
	public Mono<Boolean> createAccount(StaffMember member, String password) {
		if (!StaffAccountStore.normalize(member.username()).equals(member.username())) {
			return Mono.error(new IllegalArgumentException("usernames are lower case without spaces: " + member.username()));
		}
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return Mono.error(new IllegalArgumentException("a staff password needs at least " + MIN_PASSWORD_LENGTH + " characters"));
		}
		// bcrypt is slow on purpose: keep it off the event loop
		return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic())
				.flatMap(hash -> accounts.insertIfAbsent(member, hash));
	}
}
