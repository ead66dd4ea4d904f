package cn.onething.bench;

import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.WechatChannel;
import reactor.core.publisher.Mono;

/**
 * Sends each {@value #KIND} outbox message as a template message through the service's WeChat channel, the outbox
 * id as client_msg_id, and tells the outbox what became of it: accepted is done; a temporary failure, or a token
 * WeChat refused even after the channel's own refresh, is tried again later; anything else is given up.
 */
final class BenchPushHandler implements OutboxHandler {

	static final String KIND = "bench.push";

	/** What a benchmark appends: the reference that the push carries and the fake notes. */
	record Payload(String ref) {
	}

	private final WechatChannel channel;

	BenchPushHandler(WechatChannel channel) {
		this.channel = channel;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		String ref = message.payload().path("ref").asString();
		return channel.sendTemplate(BenchWechat.push(ref, message.id().toString())).map(BenchPushHandler::outcome);
	}

	private static Outcome outcome(SendResult result) {
		if (result instanceof SendResult.Sent) {
			return Outcome.DONE;
		}
		SendResult.Failure failure = (SendResult.Failure) result;
		String reason = failure.errcode() + " " + failure.reason();
		return failure instanceof SendResult.Permanent ? Outcome.giveUp(reason) : Outcome.retryLater(reason);
	}
}
