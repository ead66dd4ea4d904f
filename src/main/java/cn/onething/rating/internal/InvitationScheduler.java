package cn.onething.rating.internal;

import cn.onething.casework.CaseCompleted;
import cn.onething.outbox.Outbox;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.rating.RatingProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A completed case gets its invitation to rate, as an outbox message due {@code onething.rating.invite-after} after
 * completion. The message is the timer: it lives in PostgreSQL, so it survives restarts, and its dedupe key (one per
 * case) keeps a completion delivered twice from inviting twice.
 */
@Component
class InvitationScheduler implements OutboxHandler {

	static final String INVITATION_KIND = "rating.invitation";

	private final Outbox outbox;
	private final RatingProperties properties;
	private final JsonMapper json;

	InvitationScheduler(Outbox outbox, RatingProperties properties, JsonMapper json) {
		this.outbox = outbox;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public String kind() {
		return CaseCompleted.OUTBOX_KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		return Payloads.handle(json, message, CaseCompleted.class, completed -> outbox.appendDueAt(INVITATION_KIND,
				"rating-invitation:" + completed.caseId(), completed, completed.completedAt().plus(properties.inviteAfter()))
				.thenReturn(Outcome.DONE));
	}
}
