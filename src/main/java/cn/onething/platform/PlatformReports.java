package cn.onething.platform;

import java.util.Comparator;
import java.util.UUID;

import cn.onething.casework.CaseNews;
import cn.onething.outbox.DeadMessage;
import cn.onething.outbox.Outbox;
import cn.onething.rating.RatingGiven;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Case and rating reports the platform refused, or that could not be delivered within the outbox's retry budget
 * (docs/platform.md §5.5): listed for staff with the platform's reason, and sent again once the cause is fixed.
 */
@Service
public class PlatformReports {

	private static final int LIMIT = 100;

	private final Outbox outbox;
	private final ReportProperties properties;

	PlatformReports(Outbox outbox, ReportProperties properties) {
		this.outbox = outbox;
		this.properties = properties;
	}

	public boolean configured() {
		return properties.configured();
	}

	/** Newest first; the reason names the receipt code and the event, never the applicant. */
	public Flux<DeadMessage> notDelivered() {
		return Flux.merge(outbox.dead(CaseNews.PLATFORM_REPORT_KIND, LIMIT), outbox.dead(RatingGiven.PLATFORM_REPORT_KIND, LIMIT))
				.sort(Comparator.comparing(DeadMessage::diedAt).reversed()).take(LIMIT);
	}

	/** Sends the report again with the same idempotency key; false when it is no report waiting to be resent. */
	public Mono<Boolean> resend(UUID message) {
		return notDelivered().any(dead -> dead.id().equals(message))
				.flatMap(listed -> listed ? outbox.retry(message) : Mono.just(false));
	}
}
