package cn.onething.notification.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.onething.casework.CaseLinks;
import cn.onething.casework.CaseNews;
import cn.onething.notification.NotificationProperties;
import cn.onething.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the pushes for one applicant, each with the outbox message that will deliver it, in the caller's
 * transaction: both are written or neither. Step news joins the digest still collecting for the case and openid, or
 * starts one that the outbox delivers when the debounce window has passed.
 */
@Component
public class PushWriter {

	/** The outbox kind of the messages that send pushes. */
	public static final String PUSH_KIND = "notification.push";

	/** The payload of a push's outbox message. */
	public record PushMessage(UUID push) {
	}

	private final PushStore pushes;
	private final Outbox outbox;
	private final CaseLinks links;
	private final NotificationProperties properties;

	PushWriter(PushStore pushes, Outbox outbox, CaseLinks links, NotificationProperties properties) {
		this.pushes = pushes;
		this.outbox = outbox;
		this.links = links;
		this.properties = properties;
	}

	/** Tells one bound applicant the news; news handled before (a redelivered outbox message) is not told again. */
	public Mono<Void> tell(CaseNews news, PushContent content, Binding binding, Instant now) {
		if (content.kind().debounced()) {
			Mono<Boolean> toldAlready = pushes.tells(binding.receiptCode(), binding.openid(), news.seq())
					// the completion, told already, says what became of every step
					.flatMap(told -> told ? Mono.just(true) : pushes.completionAfter(binding.receiptCode(), binding.openid(), news.seq()));
			return toldAlready.flatMap(told -> told ? Mono.empty() : joinOrStartDigest(news, content, binding, now));
		}
		Mono<Long> mergeDigest = content.kind() == PushKind.COMPLETED
				// the completion says item by item what became of the case: a digest of its steps would only lag behind it
				? pushes.cancelCollecting(binding.receiptCode(), binding.openid(), "已并入办结通知", now)
				: Mono.empty();
		return mergeDigest.then(write(news.caseId(), binding, content, news.bundleName(), now, now));
	}

	/** The confirmation of a new binding, with the link that undoes it. */
	public Mono<Void> confirm(Binding binding, String caseId, String bundleName, Instant now) {
		return write(caseId, binding, PushWording.bound(now), bundleName, now, now);
	}

	/** The invitation to rate the completed case (好差评); a redelivered invitation writes nothing twice. */
	public Mono<Void> inviteToRate(Binding binding, String caseId, String bundleName, Instant now) {
		return write(caseId, binding, PushWording.ratingInvitation(now), bundleName, now, now);
	}

	/**
	 * A ready-made push to a follower of a topic that is not a case ({@code topic}: e.g. a committee's
	 * {@code v:<township>:<committee>}; {@code item}: what is new there), stored like a case's push: its topic in
	 * receipt_code, its item in case_id. Emits whether it was new: the same item told to the same openid again writes
	 * nothing.
	 */
	public Mono<Boolean> tellFollower(String topic, String item, String openid, String templateId, String url,
			Map<String, String> data, String summary, Instant now) {
		String dedupeKey = "push:follow:" + topic + ":" + item + ":" + Recipients.pseudonym(openid);
		PushRow push = new PushRow(UUID.randomUUID(), dedupeKey, topic, item, openid,
				PushContent.of(PushKind.FOLLOWING, "已发布", new PushLine(0, summary, now)), templateId, url, data, false,
				"pending", null, null, 0, now, now, null);
		return pushes.insert(push, now)
				.flatMap(inserted -> inserted
						? outbox.appendDueAt(PUSH_KIND, dedupeKey, new PushMessage(push.id()), now).thenReturn(true)
						: Mono.just(false));
	}

	private Mono<Void> joinOrStartDigest(CaseNews news, PushContent content, Binding binding, Instant now) {
		return pushes.collectingDigest(binding.receiptCode(), binding.openid())
				.map(Optional::of).defaultIfEmpty(Optional.empty())
				.flatMap(digest -> digest.isPresent()
						? join(digest.get(), content, news.bundleName(), now)
						: write(news.caseId(), binding, content, news.bundleName(), now, now.plus(properties.debounceWindow())));
	}

	private Mono<Void> join(PushRow digest, PushContent news, String bundleName, Instant now) {
		PushContent joined = digest.content().joinedWith(news);
		return pushes.rewrite(digest.id(), joined, joined.data(properties.keys(), digest.receiptCode(), bundleName), now);
	}

	private Mono<Void> write(String caseId, Binding binding, PushContent content, String bundleName, Instant now, Instant dueAt) {
		// outbox dedupe keys show in logs: neither the openid nor the binding's token (an unbind capability) goes in
		String recipient = Recipients.pseudonym(binding.openid());
		String dedupeKey = switch (content.kind()) {
			case BOUND -> "push:bound:" + binding.receiptCode() + ":" + recipient + ":" + binding.boundAt().toEpochMilli();
			case RATING_INVITATION -> "push:rating-invitation:" + caseId + ":" + recipient;
			default -> "push:" + caseId + ":" + content.firstSeq() + ":" + recipient;
		};
		PushRow push = new PushRow(UUID.randomUUID(), dedupeKey, binding.receiptCode(), caseId, binding.openid(), content,
				properties.templateId(), link(binding, content.kind()), content.data(properties.keys(), binding.receiptCode(), bundleName),
				content.kind().debounced(), "pending", null, null, 0, now, now, null);
		return pushes.insert(push, dueAt)
				.flatMap(inserted -> inserted
						? outbox.appendDueAt(PUSH_KIND, dedupeKey, new PushMessage(push.id()), dueAt)
						: Mono.empty());
	}

	/**
	 * The applicant's signed progress page, with the binding's token so that the page offers to unbind; an invitation
	 * to rate opens the rating module's page of the case, signed with the same key.
	 */
	private String link(Binding binding, PushKind kind) {
		if (kind == PushKind.RATING_INVITATION) {
			return properties.publicBaseUrl() + "/cases/" + binding.receiptCode() + "/rating?k=" + links.keyFor(binding.receiptCode());
		}
		return properties.publicBaseUrl() + links.progressPath(binding.receiptCode()) + "&w=" + binding.token();
	}
}
