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
 * acceptance receipt prints it, and creating one is a WeChat call with a daily quota (docs/wechat.md §4.1).
 */
@Component
public class CaseBindingCodes {

	/** A page shows a code that lives at least this long, so that nobody reaches for the phone as it dies. */
	private static final Duration LIVING_ON_A_PAGE = Duration.ofHours(1);
	/**
	 * A receipt is taken home and scanned there, and prints the last day its code lives through: at least today.
	 * With {@code onething.wechat.qr-expiry} under a day, every print makes a new code.
	 */
	private static final Duration LIVING_ON_PAPER = Duration.ofDays(1);

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

	/** The code for the progress page, made now if the case has none that lives another hour. */
	public Mono<CaseBindingCode> forPage(String receiptCode) {
		return livingFor(receiptCode, LIVING_ON_A_PAGE);
	}

	/** The code for a printed receipt, made now if the case has none that lives another day. */
	public Mono<CaseBindingCode> forPrint(String receiptCode) {
		return livingFor(receiptCode, LIVING_ON_PAPER);
	}

	/** Fails when WeChat refuses to make a code. A code replaced early still works until it expires. */
	private Mono<CaseBindingCode> livingFor(String receiptCode, Duration margin) {
		return bindings.qrCode(receiptCode, clock.instant().plus(margin))
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
