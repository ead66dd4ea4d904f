package cn.onething.casework;

import java.time.Instant;

/**
 * A case came to its end (办结), published through the outbox (kind {@value #OUTBOX_KIND}) in the transaction that
 * completed it. The outbox delivers each kind to one handler, and {@link CaseNews} is the notification module's; this
 * one is for modules that act on completion alone (rating, which invites the applicant to rate the service). Readers
 * load the case by its id for anything more.
 */
public record CaseCompleted(String caseId, String receiptCode, String bundleId, String bundleName, Instant completedAt) {

	public static final String OUTBOX_KIND = "casework.completed";

	/** A case completes once, so its id makes the message unique. */
	public String dedupeKey() {
		return "case-completed:" + caseId;
	}
}
