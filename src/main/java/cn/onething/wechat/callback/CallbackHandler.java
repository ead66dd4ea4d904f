package cn.onething.wechat.callback;

import java.time.Instant;
import java.util.Optional;

import cn.onething.outbox.Outbox;
import cn.onething.wechat.internal.WechatProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Acts on an authentic push once. In one transaction: the nonce is used up, the push is recorded by its dedupe key,
 * delivery reports are saved, and what listeners must hear of it is appended to the outbox; then the reply goes back.
 * Listeners run afterwards, off the request, because WeChat waits only 5 seconds and re-sends otherwise
 * (docs/wechat.md §6.4, §10.B.17), and from the outbox, so that once we answered "success" neither a failing
 * listener nor a stopping replica loses a binding: the outbox retries until they have it.
 */
@Component
class CallbackHandler {

	private enum Arrival {
		NEW, DUPLICATE, REPLAYED
	}

	private final CallbackStore store;
	private final TransactionalOperator transaction;
	private final Outbox outbox;
	private final WechatProperties properties;

	CallbackHandler(CallbackStore store, TransactionalOperator transaction, Outbox outbox, WechatProperties properties) {
		this.store = store;
		this.transaction = transaction;
		this.outbox = outbox;
		this.properties = properties;
	}

	/** The passive reply to send, or empty for a plain "success". */
	Mono<Optional<String>> handle(CallbackMessage message, long signedAt, String nonce) {
		CallbackEffects effects = CallbackEffects.of(message);
		Mono<Arrival> arrival = store.firstUseOfNonce(nonce, signedAt, properties.replayWindow())
				.flatMap(freshNonce -> !freshNonce ? Mono.just(Arrival.REPLAYED)
						: store.firstHandling(message).flatMap(first -> !first ? Mono.just(Arrival.DUPLICATE)
								: store.saveDeliveries(effects.deliveries()).then(forListeners(message, effects)).thenReturn(Arrival.NEW)));
		return transaction.transactional(arrival)
				// A repeated push gets the same answer again (the first may not have reached the user); a replayed
				// nonce gets nothing but "success".
				.map(kind -> kind == Arrival.REPLAYED ? Optional.<String>empty()
						: effects.replyText().map(text -> PassiveReply.text(message, text, Instant.now().getEpochSecond())));
	}

	private Mono<Void> forListeners(CallbackMessage message, CallbackEffects effects) {
		if (effects.scanned().isEmpty() && effects.deliveries().isEmpty()) {
			return Mono.empty();
		}
		return outbox.append(CallbackNewsHandler.KIND, CallbackNewsHandler.dedupeKey(message),
				new CallbackNews(effects.scanned().orElse(null), effects.deliveries()));
	}
}
