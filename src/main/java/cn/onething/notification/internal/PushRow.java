package cn.onething.notification.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A row of notification_push: one push to one openid.
 *
 * @param data       template key → value, as sent
 * @param collecting a digest that later step news may still join
 * @param status     pending, sent, delivered, failed, dead, cancelled or uncertain (see V7, V12)
 * @param unsureSince the start of the earliest send WeChat may have taken without our hearing so; null if none
 */
public record PushRow(UUID id, String dedupeKey, String receiptCode, String caseId, String openid, PushContent content,
		String templateId, String url, Map<String, String> data, boolean collecting, String status, String msgid,
		String lastError, int attempts, Instant createdAt, Instant updatedAt, Instant unsureSince) {

	/** Statuses in which the push has still to be sent: waiting, or refused and then retried by a supervisor. */
	public boolean toSend() {
		return status.equals("pending") || status.equals("dead");
	}
}
