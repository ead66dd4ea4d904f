package cn.onething.identity.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The identity_sign_in_failure table: wrong passwords per (user name, client address), in database time so that
 * every replica counts the same. A count older than the window starts again.
 */
@Component
class SignInFailureStore {

	/** What the failures so far say about one more attempt on a user name from an address. */
	record Standing(boolean pairLocked, long recentFailuresOfName, boolean nameLockedSomewhere) {
	}

	private static final Logger log = LoggerFactory.getLogger(SignInFailureStore.class);

	private final DatabaseClient db;

	SignInFailureStore(DatabaseClient db) {
		this.db = db;
	}

	Mono<Standing> standing(String username, String client, Duration window) {
		return db.sql("""
				select coalesce(sum(failures) filter (where last_failure_at > now() - make_interval(secs => :window)), 0) as recent,
				       coalesce(bool_or(locked_until > now()), false) as locked_somewhere,
				       coalesce(bool_or(client = :client and locked_until > now()), false) as pair_locked
				from identity_sign_in_failure where username = :username
				""").bind("username", username).bind("client", client).bind("window", window.toSeconds())
				.map(row -> new Standing(Boolean.TRUE.equals(row.get("pair_locked", Boolean.class)),
						row.get("recent", Number.class).longValue(), Boolean.TRUE.equals(row.get("locked_somewhere", Boolean.class))))
				.one();
	}

	/**
	 * Counts a wrong password; the failure that reaches {@code max} within the window locks the pair for {@code lock}
	 * and starts the count again. Emits true when this failure locked it.
	 */
	Mono<Boolean> recordFailure(String username, String client, int max, Duration window, Duration lock) {
		return db.sql("""
				insert into identity_sign_in_failure as f (username, client, failures, last_failure_at)
				values (:username, :client, 1, now())
				on conflict (username, client) do update set
				    failures = case when f.last_failure_at < now() - make_interval(secs => :window) then 1 else f.failures + 1 end,
				    last_failure_at = now()
				returning failures
				""").bind("username", username).bind("client", client).bind("window", window.toSeconds())
				.map(row -> row.get("failures", Integer.class)).one()
				.flatMap(failures -> failures < max ? Mono.just(false) : db.sql("""
						update identity_sign_in_failure set failures = 0, locked_until = now() + make_interval(secs => :lock)
						where username = :username and client = :client and failures >= :max
						""").bind("lock", lock.toSeconds()).bind("username", username).bind("client", client).bind("max", max)
						.fetch().rowsUpdated().map(rows -> rows > 0));
	}

	/** A right password from this address: its count starts again. Other addresses' failures stand. */
	Mono<Void> clear(String username, String client) {
		return db.sql("delete from identity_sign_in_failure where username = :username and client = :client")
				.bind("username", username).bind("client", client).then();
	}

	/** Counts a day old matter to nobody. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	void forgetOldFailures() {
		db.sql("delete from identity_sign_in_failure where last_failure_at < now() - interval '1 day' "
				+ "and (locked_until is null or locked_until < now())").then()
				.subscribe(null, error -> log.warn("old failed sign-ins could not be deleted: {}", error.toString()));
	}
}
