package cn.onething.notification.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import cn.onething.casework.model.CaseContext;
import cn.onething.outbox.DeadMessage;
import cn.onething.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pushes that did not reach their applicant, for staff: the ones the outbox gave up on (WeChat refused them, or the
 * retry budget ran out), which a supervisor may send again, and the ones WeChat accepted but reported as not
 * delivered, and the ones whose delivery is uncertain. The applicant still sees the news on the progress page; staff may call or tell them at the window.
 */
@Component
public class PushTroubles {

	/** More than a hall has in a bad week; the oldest fall off the list, not out of the database. */
	static final int LIMIT = 200;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseContext.CHINA);

	/**
	 * One push that did not reach its applicant.
	 *
	 * @param recipient the openid, masked
	 * @param message   the outbox message to resubmit; null when there is nothing to retry (WeChat's own report)
	 */
	public record Trouble(String receiptCode, String caseId, String recipient, String kind, String reason, int attempts,
			String at, UUID message) {

		/** A follower's push names what they follow (v:xinning:chengdong), not a case with a page in the console. */
		public boolean aboutCase() {
			return !kind.equals(PushKind.FOLLOWING.label());
		}
	}

	private final Outbox outbox;
	private final PushStore pushes;

	PushTroubles(Outbox outbox, PushStore pushes) {
		this.outbox = outbox;
		this.pushes = pushes;
	}

	/** Given up by the outbox, newest first, with the outbox's reason and count of attempts. */
	public Mono<List<Trouble>> dead() {
		return outbox.dead(PushWriter.PUSH_KIND, LIMIT).collectList().flatMap(dead -> pushes
				.byDedupeKeys(dead.stream().map(DeadMessage::dedupeKey).toList())
				.collectMap(PushRow::dedupeKey, Function.identity())
				.map(byKey -> dead.stream().filter(message -> byKey.containsKey(message.dedupeKey()))
						.map(message -> trouble(byKey, message)).toList()));
	}

	/** Accepted by WeChat and reported as not delivered, latest first. */
	public Flux<Trouble> undelivered() {
		return inStatus("failed");
	}

	/**
	 * 送达情况不明: WeChat may have taken a send whose answer was lost, and would not recognise a resend any more;
	 * not sent again, so staff ask the applicant. Latest first.
	 */
	public Flux<Trouble> uncertain() {
		return inStatus("uncertain");
	}

	private Flux<Trouble> inStatus(String status) {
		return pushes.inStatus(status, LIMIT).map(push -> new Trouble(push.receiptCode(), push.caseId(),
				Recipients.masked(push.openid()), push.content().kind().label(), push.lastError(), push.attempts(),
				shown(push.updatedAt()), null));
	}

	/** A supervisor's retry of a push the outbox gave up on; false when it is not one of those listed. */
	public Mono<Boolean> retry(UUID message) {
		return outbox.dead(PushWriter.PUSH_KIND, LIMIT).any(dead -> dead.id().equals(message))
				.flatMap(listed -> listed ? outbox.retry(message) : Mono.just(false));
	}

	private static Trouble trouble(Map<String, PushRow> byKey, DeadMessage message) {
		PushRow push = byKey.get(message.dedupeKey());
		return new Trouble(push.receiptCode(), push.caseId(), Recipients.masked(push.openid()), push.content().kind().label(),
				message.reason(), message.attempts(), shown(message.diedAt()), message.id());
	}

	private static String shown(Instant at) {
		return SHOWN.format(at);
	}
}
