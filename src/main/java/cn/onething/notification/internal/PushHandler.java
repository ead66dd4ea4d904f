package cn.onething.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import cn.onething.notification.Followings;
import cn.onething.notification.NotificationProperties;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.TemplatePush;
import cn.onething.wechat.WechatChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one push through the WeChat channel and records what became of it. The outbox message's id is the
 * client_msg_id, so a resend after an unknown outcome (a timeout, a replica that died mid-send) reaches the applicant
 * once (docs/wechat.md §2.1), but only for about 10 minutes: a push whose send WeChat may have taken is resent only
 * within {@code onething.notification.resend-window} of that send, and is uncertain after it (docs/wechat-delivery.md).
 * Failures WeChat answered, or sends that never left, are retried by the outbox with backoff, or given up when
 * retrying cannot help (docs/architecture.md §6).
 */
@Component
class PushHandler implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(PushHandler.class);

	private final PushStore pushes;
	private final BindingStore bindings;
	private final WechatChannel channel;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration resendWindow;
	private final Counter uncertain;
	private final ObjectProvider<Followings> followings;

	PushHandler(PushStore pushes, BindingStore bindings, WechatChannel channel, JsonMapper json, Optional<Clock> clock,
			NotificationProperties properties, MeterRegistry registry, ObjectProvider<Followings> followings) {
		this.followings = followings;
		this.pushes = pushes;
		this.bindings = bindings;
		this.channel = channel;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
		this.resendWindow = properties.resendWindow();
		this.uncertain = Counter.builder("onething.notification.uncertain")
				.description("pushes not sent again because WeChat may have taken an earlier send (送达情况不明)")
				.register(registry);
	}

	@Override
	public String kind() {
		return PushWriter.PUSH_KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		return Mono.defer(() -> {
			UUID id = json.treeToValue(message.payload(), PushWriter.PushMessage.class).push();
			// closed first: news arriving from now on starts a digest of its own instead of joining one being sent
			return pushes.close(id)
					.flatMap(push -> push.toSend() ? deliver(push, message) : Mono.just(Outcome.DONE))
					.switchIfEmpty(Mono.fromSupplier(() -> {
						log.warn("push {} is no longer stored; nothing to send", id);
						return Outcome.DONE;
					}));
		});
	}

	private Mono<Outcome> deliver(PushRow push, OutboxMessage message) {
		if (push.content().kind() == PushKind.FOLLOWING) {
			return stillFollows(push)
					.flatMap(follows -> follows ? send(push, message)
							: pushes.cancel(push.id(), "已取消关注，未发送", clock.instant()).thenReturn(Outcome.DONE));
		}
		return bindings.exists(push.receiptCode(), push.openid())
				.flatMap(bound -> bound ? send(push, message)
						: pushes.cancel(push.id(), "已解除绑定，未发送", clock.instant()).thenReturn(Outcome.DONE));
	}

	/** A follower's push goes only while they follow its topic; a topic nobody keeps is followed by nobody. */
	private Mono<Boolean> stillFollows(PushRow push) {
		return followings.orderedStream().filter(keeper -> keeper.keeps(push.receiptCode())).findFirst()
				.map(keeper -> keeper.stillFollows(push.receiptCode(), push.openid()))
				.orElseGet(() -> Mono.just(false));
	}

	private Mono<Outcome> send(PushRow push, OutboxMessage message) {
		Instant now = clock.instant();
		if (push.unsureSince() != null && !now.isBefore(push.unsureSince().plus(resendWindow))) {
			return uncertain(push, now);
		}
		TemplatePush template;
		try {
			template = new TemplatePush(push.openid(), push.templateId(), push.url(), push.data(), message.id().toString());
		}
		catch (IllegalArgumentException e) {
			return failed(push, new SendResult.Permanent(47003, e.getMessage()), push.unsureSince());
		}
		return pushes.recordSending(push.id(), now)
				.then(channel.sendTemplate(template))
				.flatMap(result -> recorded(push, result, now));
	}

	private Mono<Outcome> recorded(PushRow push, SendResult result, Instant sentAt) {
		if (result instanceof SendResult.Sent sent) {
			return (sent.msgid() == null ? pushes.recordSentEarlier(push.id(), clock.instant())
					: pushes.recordSent(push.id(), sent.msgid(), clock.instant())).thenReturn(Outcome.DONE);
		}
		if (result instanceof SendResult.Unknown unknown) {
			// this send may be the one WeChat took: the window runs from the earliest such send
			return failed(push, unknown, push.unsureSince() != null ? push.unsureSince() : sentAt);
		}
		// WeChat answered, or nothing left: this send was not taken, though an earlier one may have been
		return failed(push, (SendResult.Failure) result, push.unsureSince());
	}

	private Mono<Outcome> failed(PushRow push, SendResult.Failure failure, Instant unsureSince) {
		String reason = WechatWords.of(failure);
		Instant now = clock.instant();
		if (failure instanceof SendResult.Permanent) {
			// the progress page still shows the news, and staff see the push in their list of failures
			return pushes.recordAttempt(push.id(), "dead", reason, unsureSince, now).thenReturn(Outcome.giveUp(reason));
		}
		// Temporary, unknown, or a token refused again after the channel's one refresh: the outbox backs off and
		// retries; the next attempt checks the resend window first
		return pushes.recordAttempt(push.id(), "pending", reason, unsureSince, now).thenReturn(Outcome.retryLater(reason));
	}

	/**
	 * WeChat may have taken an earlier send and would no longer recognise a resend by its client_msg_id: sending
	 * again could reach the applicant twice. The outbox is done with it; staff see it as 送达情况不明.
	 */
	private Mono<Outcome> uncertain(PushRow push, Instant now) {
		String why = "送达情况不明：" + WechatWords.shown(push.unsureSince()) + " 的发送未获微信答复，可能已送达；"
				+ "超过 " + resendWindow.toMinutes() + " 分钟不再重发，以免重复（上次：" + push.lastError() + "）";
		return pushes.recordUncertain(push.id(), why, now).then(Mono.fromSupplier(() -> {
			uncertain.increment();
			log.warn("push {} (case {}) not sent again: WeChat may have taken the send of {} and no longer de-duplicates it; "
					+ "marked uncertain for staff", push.id(), push.receiptCode(), push.unsureSince());
			return Outcome.DONE;
		}));
	}
}
