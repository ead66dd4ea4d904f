package cn.onething.rating;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.onething.rating.model.Indicator;
import cn.onething.rating.model.Rating;

/**
 * A case was rated (好差评), published through the outbox (kind {@value #OUTBOX_KIND}) in the transaction that stored
 * the rating, with the fields national platforms exchange (docs/rating.md §5). The rating module itself handles it
 * (a bad rating opens a follow-up); the same rating, as kind {@value #PLATFORM_REPORT_KIND}, is reported to the
 * regional platform by the platform module (each kind has one handler).
 *
 * @param level      the national score: 5 非常满意 … 1 非常不满意
 * @param channel    online, mobile or onsite
 * @param regionCode the case's administrative division, whose working-day calendar counts the follow-up's days
 */
public record RatingGiven(UUID ratingId, String caseId, String receiptCode, String bundleId, List<String> itemCodes,
		List<String> departmentIds, String channel, int level, List<String> indicators, String comment, Instant ratedAt,
		String regionCode) {

	public static final String OUTBOX_KIND = "rating.given";

	public static final String PLATFORM_REPORT_KIND = "platform.rating-report";

	static RatingGiven of(Rating rating, String regionCode) {
		return new RatingGiven(rating.id(), rating.caseId(), rating.receiptCode(), rating.bundleId(), rating.itemCodes(),
				rating.departmentIds(), rating.channel().code(), rating.level().score(),
				rating.indicators().stream().map(Indicator::code).toList(), rating.comment(), rating.ratedAt(), regionCode);
	}

	/** A case is rated once, so its id makes the message unique. */
	public String dedupeKey() {
		return "rating-given:" + caseId;
	}

	/** Unique across the outbox, beside {@link #dedupeKey()}: the platform report of this rating. */
	public String platformReportKey() {
		return "platform-report:" + dedupeKey();
	}
}
