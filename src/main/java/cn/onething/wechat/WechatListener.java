package cn.onething.wechat;

import reactor.core.publisher.Mono;

/**
 * Implemented by modules that act on what WeChat tells us (identity binds openids, notification records delivery).
 * Every bean of this type is called; a failing listener is logged and does not stop the others. Callbacks from
 * WeChat are answered before listeners run (WeChat waits only 5 seconds, docs/wechat.md §6.4), from the outbox: a
 * push WeChat repeats reaches listeners once, but when a listener fails, every listener hears it again later, so
 * listeners must be idempotent.
 */
public interface WechatListener {

	default Mono<Void> scanned(WechatScanned event) {
		return Mono.empty();
	}

	default Mono<Void> deliveryReported(DeliveryReported event) {
		return Mono.empty();
	}

	/** Sends go through again; heard on the replica that saw it, off any request. */
	default Mono<Void> sendsRecovered(SendsRecovered event) {
		return Mono.empty();
	}
}
