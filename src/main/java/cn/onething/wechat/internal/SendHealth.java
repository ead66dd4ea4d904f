package cn.onething.wechat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import cn.onething.wechat.SendResult;
import cn.onething.wechat.SendsRecovered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Whether WeChat takes this replica's sends. An outage is two log lines, whatever its length: one WARN when sends
 * start failing, one INFO with the counts when one goes through again; the failures in between are counted, not
 * logged. The recovery is also told to the listeners, so that pushes waiting out a backoff are sent at once instead
 * of minutes after WeChat is back.
 */
public final class SendHealth {

	/** A lone -1 among successes is WeChat being busy, not an outage (docs/wechat.md §0.1). */
	static final int FAILURES_BEFORE_WARNING = 5;

	private static final Logger log = LoggerFactory.getLogger(SendHealth.class);

	private final Function<SendsRecovered, Mono<Void>> recovered;
	private final Clock clock;

	private int failuresInARow;
	private Instant failingSince;
	private String firstReason;
	private String lastReason;
	private boolean warned;

	public SendHealth(Function<SendsRecovered, Mono<Void>> recovered, Clock clock) {
		this.recovered = recovered;
		this.clock = clock;
	}

	/**
	 * Takes note of one send's result. WeChat refusing a message for good (43004...) is WeChat answering: it counts
	 * as working. A throttled applicant (43117) is one applicant's matter, not WeChat's.
	 */
	public void observe(SendResult result) {
		if (result instanceof SendResult.Sent || result instanceof SendResult.Permanent) {
			working();
		}
		else if (!(result instanceof SendResult.Temporary temporary && temporary.errcode() == 43117)) {
			failed(((SendResult.Failure) result).reason());
		}
	}

	private void failed(String reason) {
		Instant now = clock.instant();
		boolean warn;
		int count;
		Instant since;
		synchronized (this) {
			if (failuresInARow == 0) {
				failingSince = now;
				firstReason = reason;
			}
			failuresInARow++;
			lastReason = reason;
			warn = !warned && failuresInARow >= FAILURES_BEFORE_WARNING;
			warned |= warn;
			count = failuresInARow;
			since = failingSince;
		}
		if (warn) {
			log.warn("WeChat sends are failing: {} in a row since {}, the first with {}; further failures are counted, not "
					+ "logged, until a send goes through", count, since, firstReason);
		}
	}

	private void working() {
		SendsRecovered recovery;
		String last;
		synchronized (this) {
			recovery = warned ? new SendsRecovered(failingSince, clock.instant(), failuresInARow) : null;
			last = lastReason;
			failuresInARow = 0;
			warned = false;
		}
		if (recovery != null) {
			log.info("WeChat sends go through again after {}: {} failed since {}, the last with {}",
					Duration.between(recovery.failingSince(), recovery.recoveredAt()), recovery.failedAttempts(),
					recovery.failingSince(), last);
			// off the send that noticed it; a listener failing here costs only the hurry, the backoff still retries
			Mono.defer(() -> recovered.apply(recovery))
					.subscribe(null, failure -> log.warn("telling the listeners that WeChat is back failed: {}", failure.toString()));
		}
	}
}
