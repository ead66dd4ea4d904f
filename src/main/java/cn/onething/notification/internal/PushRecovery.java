package cn.onething.notification.internal;

import cn.onething.outbox.Outbox;
import cn.onething.wechat.SendsRecovered;
import cn.onething.wechat.WechatListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When WeChat takes sends again after an outage, the pushes that failed during it are sent at once: their backoff
 * may have grown to minutes, and a push whose answer was lost must go again within its resend window.
 */
@Component
class PushRecovery implements WechatListener {

	private static final Logger log = LoggerFactory.getLogger(PushRecovery.class);

	private final Outbox outbox;

	PushRecovery(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public Mono<Void> sendsRecovered(SendsRecovered event) {
		return outbox.hurry(PushWriter.PUSH_KIND)
				.doOnNext(hurried -> log.info("{} pushes that failed while WeChat did not take sends are due now", hurried))
				.then();
	}
}
