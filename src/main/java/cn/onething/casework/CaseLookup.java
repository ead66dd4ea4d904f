package cn.onething.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.onething.casework.internal.LookupAttemptStore;
import cn.onething.casework.internal.LookupAttempts;
import cn.onething.casework.internal.ReceiptCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An applicant finds their case by receipt code and the last four digits of the phone (the lookup page and the
 * applications API). A wrong code and wrong digits look the same, and wrong digits are throttled per receipt code
 * ({@link LookupAttempts}): whether the code exists or not, so a lock tells nothing either. While a code is locked
 * even the right digits are refused; the signed link on the receipt and in WeChat still opens the case.
 */
@Service
public class CaseLookup {

	/** What a look-up found. */
	public sealed interface Outcome permits Found, NotFound, Locked {
	}

	public record Found(StoredCase stored) implements Outcome {
	}

	/** No case with this code and these digits. */
	public record NotFound() implements Outcome {
	}

	/** Too many wrong digits for this code: ask again after {@code retryAfter}. */
	public record Locked(Duration retryAfter) implements Outcome {

		/** The wait in whole minutes, at least one, for messages. */
		public long minutes() {
			return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(CaseLookup.class);

	private final Casework cases;
	private final LookupAttemptStore attempts;
	private final TransactionalOperator transaction;
	private final CaseworkProperties properties;
	private final Clock clock;

	CaseLookup(Casework cases, LookupAttemptStore attempts, TransactionalOperator transaction,
			CaseworkProperties properties, Optional<Clock> clock) {
		this.cases = cases;
		this.attempts = attempts;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Mono<Outcome> find(String typedReceiptCode, String phoneTail) {
		String receiptCode = ReceiptCodes.normalized(typedReceiptCode);
		if (!ReceiptCodes.looksValid(receiptCode)) {
			// the format is public: such a code can be no one's, and counting it would only fill a table
			return Mono.just(new NotFound());
		}
		return transaction.transactional(attempts.lock(receiptCode).flatMap(before -> {
			Instant now = clock.instant();
			if (before.lockedAt(now)) {
				return Mono.just(locked(before, now));
			}
			// read as of today through the facade: an application the law has accepted reads as accepted
			return cases.byReceiptCode(receiptCode)
					.filter(stored -> stored.applicant().phoneEndsWith(phoneTail))
					.flatMap(stored -> (before.lastFailureAt() == null ? Mono.<Void>empty() : attempts.forget(receiptCode))
							.thenReturn((Outcome) new Found(stored)))
					.switchIfEmpty(Mono.defer(() -> {
						LookupAttempts after = before.afterFailure(now, properties.lookupMaxFailures(), properties.lookupLockDuration());
						if (after.lockedAt(now)) {
							log.warn("look-ups of receipt code {} locked until {} after {} wrong phone digits in a row",
									receiptCode, after.lockedUntil(), properties.lookupMaxFailures());
						}
						return attempts.save(receiptCode, after).thenReturn(after.lockedAt(now) ? locked(after, now) : new NotFound());
					}));
		}));
	}

	private static Outcome locked(LookupAttempts attempts, Instant now) {
		return new Locked(Duration.between(now, attempts.lockedUntil()));
	}

	/** Receipt codes with nothing to remember go, on any replica. */
	@Scheduled(fixedDelayString = "${onething.casework.lookup-sweep-interval:1h}", initialDelayString = "${onething.casework.lookup-sweep-interval:1h}")
	void forgetOldAttempts() {
		attempts.deleteForgotten(clock.instant().minus(LookupAttempts.FORGET_AFTER))
				.subscribe(count -> log.debug("{} receipt codes' look-up attempts forgotten", count),
						error -> log.warn("old look-up attempts could not be deleted: {}", error.toString()));
	}
}
