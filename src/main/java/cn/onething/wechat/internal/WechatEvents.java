package cn.onething.wechat.internal;

import java.util.List;
import java.util.function.Function;

import cn.onething.wechat.DeliveryReported;
import cn.onething.wechat.SendsRecovered;
import cn.onething.wechat.WechatListener;
import cn.onething.wechat.WechatScanned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands what WeChat told us to every {@link WechatListener}, one after the other. One failing does not stop the
 * rest, but the whole fails afterwards, so that the caller (the outbox, for callbacks) tries again: a listener that
 * heard it the first time hears it again.
 */
@Component
public class WechatEvents {

	private static final Logger log = LoggerFactory.getLogger(WechatEvents.class);

	private final ObjectProvider<WechatListener> listeners;

	WechatEvents(ObjectProvider<WechatListener> listeners) {
		this.listeners = listeners;
	}

	public Mono<Void> scanned(WechatScanned event) {
		return each(event, listener -> listener.scanned(event));
	}

	public Mono<Void> deliveryReported(DeliveryReported event) {
		return each(event, listener -> listener.deliveryReported(event));
	}

	public Mono<Void> sendsRecovered(SendsRecovered event) {
		return each(event, listener -> listener.sendsRecovered(event));
	}

	private Mono<Void> each(Object event, Function<WechatListener, Mono<Void>> call) {
		List<WechatListener> all = listeners.orderedStream().toList();
		return Flux.fromIterable(all)
				.concatMap(listener -> Mono.defer(() -> call.apply(listener))
						.then(Mono.<Throwable>empty())
						.onErrorResume(failure -> {
							log.warn("WeChat listener {} failed on {}: {}", listener.getClass().getSimpleName(),
									event.getClass().getSimpleName(), failure.toString());
							return Mono.just(failure);
						}))
				.collectList()
				.flatMap(failures -> failures.isEmpty() ? Mono.<Void>empty() : Mono.error(failures.get(0)));
	}
}
