package cn.onething.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import cn.onething.wechat.WechatChannel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A case's binding QR code, made once and shown while it lives: every progress page view shows it, and creating
 * one is a WeChat call with a daily quota (wechat-api.md §4.1).
 */
@Component
public class BindingQrCodes {

	/** A code about to expire is replaced, so that nobody is shown one that dies while they reach for the phone. */
	private static final Duration STILL_LIVING = Duration.ofHours(1);

	private final BindingStore bindings;
	private final BindingScenes scenes;
	private final WechatChannel channel;
	private final Clock clock;

	BindingQrCodes(BindingStore bindings, BindingScenes scenes, WechatChannel channel, Optional<Clock> clock) {
		this.bindings = bindings;
		this.scenes = scenes;
		this.channel = channel;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The address of the code's image; fails with WechatException when WeChat refuses to make one. */
	public Mono<String> imageUrl(String receiptCode) {
		return bindings.qrImage(receiptCode, clock.instant().plus(STILL_LIVING))
				.switchIfEmpty(Mono.defer(() -> channel.createBindingQr(scenes.sceneFor(receiptCode))
						.flatMap(qr -> bindings.saveQrImage(receiptCode, qr.imageUrl(), qr.expiresAt()).thenReturn(qr.imageUrl()))));
	}
}
