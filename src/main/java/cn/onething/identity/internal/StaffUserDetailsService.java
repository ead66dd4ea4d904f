package cn.onething.identity.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Staff accounts for Spring Security; an account inside its lock period reads as locked. */
@Component
class StaffUserDetailsService implements ReactiveUserDetailsService {

	private final StaffAccountStore accounts;
	private final Clock clock;

	StaffUserDetailsService(StaffAccountStore accounts, Optional<Clock> clock) {
		this.accounts = accounts;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		return accounts.byUsername(username).map(account -> new StaffUser(account, account.lockedAt(clock.instant())));
	}
}
