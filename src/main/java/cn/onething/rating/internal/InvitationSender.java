package cn.onething.rating.internal;

import cn.onething.casework.CaseCompleted;
import cn.onething.notification.RatingInvitations;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * When the invitation falls due: a case rated meanwhile is left alone; otherwise every openid bound to it is invited
 * through the notification module, whose pushes are unique per case and openid, so a redelivered invitation pushes
 * nothing twice.
 */
@Component
class InvitationSender implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(InvitationSender.class);

	private final RatingStore ratings;
	private final RatingInvitations invitations;
	private final JsonMapper json;

	InvitationSender(RatingStore ratings, RatingInvitations invitations, JsonMapper json) {
		this.ratings = ratings;
		this.invitations = invitations;
		this.json = json;
	}

	@Override
	public String kind() {
		return InvitationScheduler.INVITATION_KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		return Payloads.handle(json, message, CaseCompleted.class, completed -> ratings.byCase(completed.caseId()).hasElement()
				.flatMap(rated -> rated ? Mono.just(Outcome.DONE)
						: invitations.invite(completed.caseId(), completed.receiptCode(), completed.bundleName())
								.doOnNext(invited -> log.info("case {}: {} openids invited to rate it", completed.receiptCode(), invited))
								.thenReturn(Outcome.DONE)));
	}
}
