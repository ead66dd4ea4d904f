package cn.onething.rating.internal;

import java.util.function.Function;

import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reading an outbox message's payload: one that cannot be read will never be, so it goes dead with the reason. */
final class Payloads {

	private Payloads() {
	}

	static <T> Mono<Outcome> handle(JsonMapper json, OutboxMessage message, Class<T> type, Function<T, Mono<Outcome>> handler) {
		return Mono.defer(() -> {
			T payload;
			try {
				payload = json.treeToValue(message.payload(), type);
			}
			catch (JacksonException e) {
				return Mono.just(Outcome.giveUp("unreadable " + message.kind() + ": " + e.getOriginalMessage()));
			}
			return handler.apply(payload);
		});
	}
}
