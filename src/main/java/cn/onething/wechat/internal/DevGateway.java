package cn.onething.wechat.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import cn.onething.wechat.BindingQr;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.SubscribePush;
import cn.onething.wechat.TemplatePush;
import reactor.core.publisher.Mono;

/**
 * Dev mode (docs/architecture.md §6): no official account, so pushes go to the dev inbox and the steps a WeChat user
 * would take (scan a code, authorise) are dev pages of this service. Everything else behaves as with WeChat.
 */
final class DevGateway implements Gateway {

	private final DevInbox inbox;
	private final String base;

	DevGateway(DevInbox inbox, WechatProperties properties) {
		this.inbox = inbox;
		this.base = properties.publicBaseUrl();
	}

	@Override
	public Mono<SendResult> sendTemplate(TemplatePush push) {
		return sent(inbox.deliver(DevInbox.Kind.TEMPLATE, push.openid(), push.templateId(), push.url(), push.data(),
				push.clientMsgId()));
	}

	@Override
	public Mono<SendResult> sendSubscribe(SubscribePush push) {
		return sent(inbox.deliver(DevInbox.Kind.SUBSCRIBE, push.openid(), push.templateId(), push.page(), push.data(), null));
	}

	/** As with WeChat, a failure is a result: the outbox tries again later. */
	private static Mono<SendResult> sent(Mono<Long> id) {
		return id.<SendResult>map(value -> new SendResult.Sent(String.valueOf(value)))
				.onErrorResume(failure -> Mono.just(new SendResult.Temporary(SendResult.NO_ANSWER, String.valueOf(failure))));
	}

	/** The code opens the dev page that simulates the scan; the ticket is only a name for it. */
	@Override
	public Mono<BindingQr> createQr(String scene, Duration expiry) {
		String query = "?scene=" + encode(scene);
		return Mono.just(new BindingQr(scene, "dev-" + scene, base + "/dev/wechat/scan" + query,
				base + "/dev/wechat/qr.png" + query, Instant.now().plus(expiry)));
	}

	@Override
	public String authorizeUrl(String redirectUri, String state) {
		return base + "/dev/wechat/oauth/authorize?redirect_uri=" + encode(redirectUri) + "&state=" + encode(state);
	}

	/** The dev authorise page passes the openid the developer typed as the code. */
	@Override
	public Mono<String> openidForCode(String code) {
		return Mono.just(code);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
