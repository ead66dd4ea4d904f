package cn.onething.wechat.callback;

import java.time.Instant;
import java.util.Optional;

import cn.onething.wechat.internal.WechatEvents;
import cn.onething.wechat.internal.WechatProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Acts on an authentic push once. In one transaction: the nonce is used up, the push is recorded by its dedupe key,
 * delivery reports are saved; then the reply goes back and listeners run afterwards, off the request, because
 * WeChat waits only 5 seconds and re-sends otherwise (docs/wechat.md §6.4, §10.B.17).
 */
@Component
class CallbackHandler {

	private enum Arrival {
		NEW, DUPLICATE, REPLAYED
	}

	private final CallbackStore store;
	private final TransactionalOperator transaction;
	private final WechatEvents events;
	private final WechatProperties properties;

	CallbackHandler(CallbackStore store, TransactionalOperator transaction, WechatEvents events, WechatProperties properties) {
		this.store = store;
		this.transaction = transaction;
		this.events = events;
		this.properties = properties;
	}

	/** The passive reply to send, or empty for a plain "success". */
	Mono<Optional<String>> handle(CallbackMessage message, long signedAt, String nonce) {
		CallbackEffects effects = CallbackEffects.of(message);
		Mono<Arrival> arrival = store.firstUseOfNonce(nonce, signedAt, properties.replayWindow())
				.flatMap(freshNonce -> !freshNonce ? Mono.just(Arrival.REPLAYED)
						: store.firstHandling(message).flatMap(first -> !first ? Mono.just(Arrival.DUPLICATE)
								: store.saveDeliveries(effects.deliveries()).thenReturn(Arrival.NEW)));
		return transaction.transactional(arrival)
				.doOnNext(kind -> {
					if (kind == Arrival.NEW) {
						publishLater(effects);
					}
				})
				// A repeated push gets the same answer again (the first may not have reached the user); a replayed
				// nonce gets nothing but "success".
				.map(kind -> kind == Arrival.REPLAYED ? Optional.<String>empty()
						: effects.replyText().map(text -> PassiveReply.text(message, text, Instant.now().getEpochSecond())));
	}

	private void publishLater(CallbackEffects effects) {
		Flux.concat(
				Mono.justOrEmpty(effects.scanned()).flatMap(events::scanned),
				Flux.fromIterable(effects.deliveries()).concatMap(events::deliveryReported))
				.subscribeOn(Schedulers.boundedElastic())
				.subscribe();
	}
}
