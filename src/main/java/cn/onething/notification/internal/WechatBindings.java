package cn.onething.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import cn.onething.casework.Casework;
import cn.onething.wechat.DeliveryReported;
import cn.onething.wechat.DeliveryStatus;
import cn.onething.wechat.WechatListener;
import cn.onething.wechat.WechatScanned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What WeChat tells us about applicants: a scan of a case's binding QR code (or OAuth with its scene) binds the
 * openid to the case and pushes a confirmation that names it; a delivery report updates the push it belongs to.
 */
@Component
class WechatBindings implements WechatListener {

	private static final Logger log = LoggerFactory.getLogger(WechatBindings.class);

	private final BindingScenes scenes;
	private final BindingStore bindings;
	private final PushStore pushes;
	private final PushWriter writer;
	private final Casework casework;
	private final TransactionalOperator transaction;
	private final Clock clock;

	WechatBindings(BindingScenes scenes, BindingStore bindings, PushStore pushes, PushWriter writer, Casework casework,
			TransactionalOperator transaction, Optional<Clock> clock) {
		this.scenes = scenes;
		this.bindings = bindings;
		this.pushes = pushes;
		this.writer = writer;
		this.casework = casework;
		this.transaction = transaction;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Mono<Void> scanned(WechatScanned event) {
		if (!scenes.isCaseScene(event.scene())) {
			return Mono.empty();
		}
		Optional<String> receiptCode = scenes.receiptCodeOf(event.scene());
		if (receiptCode.isEmpty()) {
			log.warn("binding refused: the scene {} was not made by this service", event.scene());
			return Mono.empty();
		}
		Instant now = clock.instant();
		// read once, for the case's id and name in the confirmation; a case that is gone binds nothing
		return casework.byReceiptCode(receiptCode.get())
				.flatMap(stored -> transaction.transactional(bindings.bind(receiptCode.get(), event.openid(), now)
						.flatMap(binding -> writer.confirm(binding, stored.file().id(), stored.file().terms().bundleName(), now)
								.doOnSuccess(done -> log.info("case {} bound to openid {}", binding.receiptCode(),
										Recipients.masked(binding.openid()))))));
	}

	@Override
	public Mono<Void> deliveryReported(DeliveryReported event) {
		return pushes.recordReport(event.msgid(), event.status() == DeliveryStatus.DELIVERED, WechatWords.of(event),
				clock.instant());
	}
}
