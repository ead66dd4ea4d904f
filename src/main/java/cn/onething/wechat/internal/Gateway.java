package cn.onething.wechat.internal;

import java.time.Duration;

import cn.onething.wechat.BindingQr;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.SubscribePush;
import cn.onething.wechat.TemplatePush;
import reactor.core.publisher.Mono;

/**
 * Where the channel's calls go: WeChat through WxJava, or the dev inbox when no account is configured. Values arrive
 * already fitted by {@link MessageValues}.
 */
public interface Gateway {

	Mono<SendResult> sendTemplate(TemplatePush push);

	Mono<SendResult> sendSubscribe(SubscribePush push);

	/** A temporary QR_STR_SCENE code; fails with {@link cn.onething.wechat.WechatException}. */
	Mono<BindingQr> createQr(String scene, Duration expiry);

	/** Where to send the browser for a silent snsapi_base authorisation (docs/wechat.md §5). */
	String authorizeUrl(String redirectUri, String state);

	/** Exchanges an OAuth code, once, for the openid; fails with {@link cn.onething.wechat.WechatException}. */
	Mono<String> openidForCode(String code);
}
