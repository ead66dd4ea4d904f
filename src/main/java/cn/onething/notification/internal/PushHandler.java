package cn.onething.notification.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.TemplatePush;
import cn.onething.wechat.WechatChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one push through the WeChat channel and records what became of it. The outbox message's id is the
 * client_msg_id, so a resend after an unknown outcome (a timeout, a replica that died mid-send) reaches the applicant
 * once (docs/wechat.md §2.1). The channel has already refreshed a refused token once; what fails now is retried by
 * the outbox with backoff, or given up when retrying cannot help (docs/architecture.md §6).
 */
@Component
class PushHandler implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(PushHandler.class);

	private final PushStore pushes;
	private final BindingStore bindings;
	private final WechatChannel channel;
	private final JsonMapper json;
	private final Clock clock;

	PushHandler(PushStore pushes, BindingStore bindings, WechatChannel channel, JsonMapper json, Optional<Clock> clock) {
		this.pushes = pushes;
		this.bindings = bindings;
		this.channel = channel;
		this.json = json;
		this.clock = clock.orElse(Clock.systemUTC());
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
		return bindings.exists(push.receiptCode(), push.openid())
				.flatMap(bound -> bound ? send(push, message)
						: pushes.cancel(push.id(), "已解除绑定，未发送", clock.instant()).thenReturn(Outcome.DONE));
	}

	private Mono<Outcome> send(PushRow push, OutboxMessage message) {
		TemplatePush template;
		try {
			template = new TemplatePush(push.openid(), push.templateId(), push.url(), push.data(), message.id().toString());
		}
		catch (IllegalArgumentException e) {
			return failed(push, new SendResult.Permanent(47003, e.getMessage()));
		}
		return channel.sendTemplate(template).flatMap(result -> result instanceof SendResult.Sent sent
				? pushes.recordSent(push.id(), sent.msgid(), clock.instant()).thenReturn(Outcome.DONE)
				: failed(push, (SendResult.Failure) result));
	}

	private Mono<Outcome> failed(PushRow push, SendResult.Failure failure) {
		String reason = WechatWords.of(failure);
		if (failure instanceof SendResult.Permanent) {
			// the progress page still shows the news, and staff see the push in their list of failures
			return pushes.recordAttempt(push.id(), "dead", reason, clock.instant()).thenReturn(Outcome.giveUp(reason));
		}
		// Temporary, or a token refused again after the channel's one refresh: the outbox backs off and retries
		return pushes.recordAttempt(push.id(), "pending", reason, clock.instant()).thenReturn(Outcome.retryLater(reason));
	}
}
