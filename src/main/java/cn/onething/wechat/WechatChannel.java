package cn.onething.wechat;

import cn.onething.wechat.internal.Gateway;
import cn.onething.wechat.internal.MessageValues;
import cn.onething.wechat.internal.Scenes;
import cn.onething.wechat.internal.SendHealth;
import cn.onething.wechat.internal.WechatProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The WeChat channel other modules call: pushes to applicants and QR codes that bind them. Sends answer a {@link
 * SendResult} and never fail; the outbox decides about retries (docs/architecture.md §6). Without an account
 * configured, everything goes to the dev inbox at {@code /dev/wechat/inbox} instead.
 */
@Component
public class WechatChannel {

	private final Gateway gateway;
	private final WechatProperties properties;
	private final SendHealth health;

	WechatChannel(Gateway gateway, WechatProperties properties, SendHealth health) {
		this.gateway = gateway;
		this.properties = properties;
		this.health = health;
	}

	/** A template message; its values cut to WeChat's limits and masked (docs/wechat.md §2.2, §3.3). */
	public Mono<SendResult> sendTemplate(TemplatePush push) {
		return Mono.defer(() -> {
			MessageValues.Prepared data = MessageValues.prepare(push.data());
			return data.valid() ? gateway.sendTemplate(push.withData(data.values())).doOnNext(health::observe) : invalid(data);
		});
	}

	/** A subscribe message (bizsend); its values checked against §3.3 before they leave (§10.B.11). */
	public Mono<SendResult> sendSubscribe(SubscribePush push) {
		return Mono.defer(() -> {
			MessageValues.Prepared data = MessageValues.prepare(push.data());
			return data.valid() ? gateway.sendSubscribe(push.withData(data.values())).doOnNext(health::observe) : invalid(data);
		});
	}

	/** Found here, so WeChat would answer 47003 (§2.3): no use sending. */
	private static Mono<SendResult> invalid(MessageValues.Prepared data) {
		return Mono.just(new SendResult.Permanent(47003, "argument invalid! " + data.violation() + " (checked before sending)"));
	}

	/**
	 * A temporary QR code (QR_STR_SCENE) that lives {@code onething.wechat.qr-expiry}; scanning it publishes
	 * {@link WechatScanned} with this scene. Fails with {@link WechatException} when WeChat refuses, and with
	 * IllegalArgumentException for a scene outside 1 to 64 of {@code A-Z a-z 0-9 _ . : -}.
	 */
	public Mono<BindingQr> createBindingQr(String scene) {
		return Mono.fromCallable(() -> Scenes.require(scene))
				.flatMap(valid -> gateway.createQr(valid, properties.qrExpiry()));
	}
}
