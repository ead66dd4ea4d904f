package cn.onething.casework.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * casework_lookup_attempt. Attempts on one receipt code are taken one at a time, on every replica, under a
 * transaction-scoped advisory lock on the code: two guesses sent at once cannot both slip under the limit.
 */
@Component
public class LookupAttemptStore {

	private final DatabaseClient db;

	LookupAttemptStore(DatabaseClient db) {
		this.db = db;
	}

	/** Locks the code until the transaction ends and reads its attempts; call inside a transaction. */
	public Mono<LookupAttempts> lock(String receiptCode) {
		return db.sql("select pg_advisory_xact_lock(hashtext('casework_lookup:' || :code))").bind("code", receiptCode)
				.then()
				.then(db.sql("select failures, locks, last_failure_at, locked_until from casework_lookup_attempt where receipt_code = :code")
						.bind("code", receiptCode)
						.map(row -> new LookupAttempts(row.get("failures", Integer.class), row.get("locks", Integer.class),
								instant(row.get("last_failure_at", OffsetDateTime.class)),
								instant(row.get("locked_until", OffsetDateTime.class))))
						.one())
				.defaultIfEmpty(LookupAttempts.none());
	}

	public Mono<Void> save(String receiptCode, LookupAttempts attempts) {
		var insert = db.sql("""
				insert into casework_lookup_attempt (receipt_code, failures, locks, last_failure_at, locked_until)
				values (:code, :failures, :locks, :last, :until)
				on conflict (receipt_code) do update set failures = excluded.failures, locks = excluded.locks,
				  last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until
				""").bind("code", receiptCode).bind("failures", attempts.failures()).bind("locks", attempts.locks())
				.bind("last", attempts.lastFailureAt());
		insert = attempts.lockedUntil() == null ? insert.bindNull("until", Instant.class) : insert.bind("until", attempts.lockedUntil());
		return insert.then();
	}

	/** The right digits were given: the code starts afresh. */
	public Mono<Void> forget(String receiptCode) {
		return db.sql("delete from casework_lookup_attempt where receipt_code = :code").bind("code", receiptCode).then();
	}

	/** Deletes codes with nothing to remember since {@code cutoff}: no failure and no lock after it. */
	public Mono<Long> deleteForgotten(Instant cutoff) {
		return db.sql("""
				delete from casework_lookup_attempt
				where last_failure_at < :cutoff and (locked_until is null or locked_until < :cutoff)
				""").bind("cutoff", cutoff).fetch().rowsUpdated();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
