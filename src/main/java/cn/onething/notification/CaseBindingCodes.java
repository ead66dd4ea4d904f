package cn.onething.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import cn.onething.notification.internal.BindingScenes;
import cn.onething.notification.internal.BindingStore;
import cn.onething.wechat.WechatChannel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A case's binding QR code, made once and reused while it lives: the progress page shows it on every view and the
 * acceptance receipt prints it, and creating one is a WeChat call with a daily quota (wechat-api.md §4.1).
 */
@Component
public class CaseBindingCodes {

	/** A code about to expire is replaced, so that nobody is shown one that dies while they reach for the phone. */
	private static final Duration STILL_LIVING = Duration.ofHours(1);

	private final BindingStore bindings;
	private final BindingScenes scenes;
	private final WechatChannel channel;
	private final Clock clock;

	CaseBindingCodes(BindingStore bindings, BindingScenes scenes, WechatChannel channel, Optional<Clock> clock) {
		this.bindings = bindings;
		this.scenes = scenes;
		this.channel = channel;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The case's living code, made now if it has none; fails when WeChat refuses to make one. */
	public Mono<CaseBindingCode> of(String receiptCode) {
		return bindings.qrCode(receiptCode, clock.instant().plus(STILL_LIVING))
				.switchIfEmpty(Mono.defer(() -> made(receiptCode)));
	}

	/**
	 * Made at WeChat and stored even when the caller stops waiting (a receipt waits only seconds): WeChat has spent
	 * a call of the daily quota on it, and the next print or page view finds it stored.
	 */
	private Mono<CaseBindingCode> made(String receiptCode) {
		return Mono.fromFuture(channel.createBindingQr(scenes.sceneFor(receiptCode))
				.map(qr -> new CaseBindingCode(qr.url(), qr.imageUrl(), qr.expiresAt()))
				.flatMap(code -> bindings.saveQrCode(receiptCode, code).thenReturn(code))
				.toFuture(), true);
	}
}
