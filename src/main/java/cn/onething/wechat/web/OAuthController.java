package cn.onething.wechat.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import cn.onething.wechat.WechatException;
import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.internal.Gateway;
import cn.onething.wechat.internal.Scenes;
import cn.onething.wechat.internal.WechatEvents;
import cn.onething.wechat.internal.WechatProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Binding from inside WeChat's browser, without a QR code: silent snsapi_base authorisation gives us the openid
 * (docs/wechat.md §5), and the signed state carries the scene, which then binds exactly as a scan does.
 */
@Controller
class OAuthController {

	/** The code lives 5 minutes (§5); the state a little longer, for a slow network. */
	private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

	/** §5, §10.B.21: an unknown, expired or used code is never retried; the user starts over. */
	private static final Set<Integer> CODE_SPENT = Set.of(40029, 40163, 42003);

	private static final String PAGE = "wechat/applicant/binding";

	private final Gateway gateway;
	private final WechatEvents events;
	private final SignedState states;
	private final String callbackUrl;

	OAuthController(Gateway gateway, WechatEvents events, WechatProperties properties) {
		this.gateway = gateway;
		this.events = events;
		// Dev mode has no secret and nothing to protect: its codes are whatever the developer types.
		this.states = new SignedState(SignedState.keyFrom(properties.devMode() ? "dev" : properties.secret()),
				Clock.systemUTC(), STATE_LIFETIME);
		this.callbackUrl = properties.publicBaseUrl() + "/wechat/oauth/callback";
	}

	@GetMapping("/wechat/oauth/start")
	Rendering start(@RequestParam(required = false) String scene) {
		if (!Scenes.valid(scene)) {
			return page(HttpStatus.BAD_REQUEST, "链接无效", "请回到办事页面，重新点击“绑定微信”。", null);
		}
		return Rendering.redirectTo(gateway.authorizeUrl(callbackUrl, states.issue(scene))).build();
	}

	@GetMapping("/wechat/oauth/callback")
	Mono<Rendering> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state) {
		Optional<String> scene = states.verify(state);
		if (scene.isEmpty()) {
			// Forged, altered or expired: nothing is exchanged, nothing bound.
			return Mono.just(page(HttpStatus.BAD_REQUEST, "链接已失效", "请回到办事页面重新绑定，或在服务大厅扫码绑定。", null));
		}
		String restart = UriComponentsBuilder.fromPath("/wechat/oauth/start").queryParam("scene", scene.get()).toUriString();
		if (code == null || code.isBlank()) {
			return Mono.just(page(HttpStatus.BAD_REQUEST, "未完成微信授权", "需要您同意授权后才能绑定。", restart));
		}
		return gateway.openidForCode(code)
				.flatMap(openid -> events.scanned(new WechatScanned(openid, scene.get())))
				.then(Mono.just(page(HttpStatus.OK, "已绑定微信", "办理进度将通过本公众号通知您。", null)))
				.onErrorResume(WechatException.class, failure -> Mono.just(CODE_SPENT.contains(failure.errcode())
						? page(HttpStatus.BAD_REQUEST, "授权已过期", "请重新授权。", restart)
						: page(HttpStatus.SERVICE_UNAVAILABLE, "微信暂时无法访问", "请稍后再试，或在服务大厅扫码绑定。", restart)))
				// a listener failed to bind (the database, say): the user is here and can simply try again
				.onErrorResume(failure -> !(failure instanceof WechatException),
						failure -> Mono.just(page(HttpStatus.SERVICE_UNAVAILABLE, "绑定暂未完成", "请稍后重试，或在服务大厅扫码绑定。", restart)));
	}

	private static Rendering page(HttpStatus status, String title, String message, String retryUrl) {
		return Rendering.view(PAGE).status(status)
				.modelAttribute("title", title).modelAttribute("message", message)
				.modelAttribute("retryUrl", Optional.ofNullable(retryUrl)).build();
	}
}
