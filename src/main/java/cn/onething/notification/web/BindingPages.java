package cn.onething.notification.web;

import java.net.URI;
import java.util.function.Supplier;

import cn.onething.casework.CaseLinks;
import cn.onething.notification.CaseBindingCodes;
import cn.onething.notification.internal.BindingScenes;
import cn.onething.notification.internal.BindingStore;
import cn.onething.wechat.WechatException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Binding a case to WeChat and undoing it, from the progress page. The casework module may not depend on this one,
 * so its page only builds links under {@code /cases/{code}/wechat}, signed with the progress link's key, and this
 * module answers them: the QR code to scan, the OAuth link for WeChat's own browser, and the unbind confirmation
 * reached from the link in every push. A wrong key gets the same answer as the progress page gives.
 */
@Controller
class BindingPages {

	private static final String PAGE = "notification/applicant/binding";

	private final CaseLinks links;
	private final BindingScenes scenes;
	private final BindingStore bindings;
	private final CaseBindingCodes qrCodes;

	BindingPages(CaseLinks links, BindingScenes scenes, BindingStore bindings, CaseBindingCodes qrCodes) {
		this.links = links;
		this.scenes = scenes;
		this.bindings = bindings;
		this.qrCodes = qrCodes;
	}

	/** 在微信中接收办理进度: silent OAuth with the case's signed scene binds the WeChat user who opened the link. */
	@GetMapping("/cases/{code}/wechat")
	Rendering bind(@PathVariable String code, @RequestParam(name = "k", required = false) String key) {
		if (!links.isValid(code, key)) {
			return lookup(code);
		}
		return Rendering.redirectTo(UriComponentsBuilder.fromPath("/wechat/oauth/start")
				.queryParam("scene", scenes.sceneFor(code)).toUriString()).build();
	}

	/** The binding QR code: a redirect to its image at WeChat (or the dev page), made once per case. */
	@GetMapping("/cases/{code}/wechat.png")
	Mono<ResponseEntity<Void>> qrCode(@PathVariable String code, @RequestParam(name = "k", required = false) String key) {
		if (!links.isValid(code, key)) {
			return Mono.just(ResponseEntity.notFound().build());
		}
		return qrCodes.forPage(code)
				.map(qr -> ResponseEntity.status(HttpStatus.FOUND).location(URI.create(qr.imageUrl()))
						.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").<Void>build())
				// the page still offers the OAuth link, and the hall can bind at the window
				.onErrorResume(WechatException.class, refused -> Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build()));
	}

	@GetMapping("/cases/{code}/wechat/unbind")
	Mono<Rendering> confirmUnbinding(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
			@RequestParam(name = "w", defaultValue = "") String token) {
		return signed(code, key, () -> bindings.byToken(code, token)
				.map(binding -> page(code, "confirm", token))
				.defaultIfEmpty(page(code, "gone", "")));
	}

	@PostMapping("/cases/{code}/wechat/unbind")
	Mono<Rendering> unbind(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
			@RequestParam(name = "w", defaultValue = "") String token) {
		return signed(code, key, () -> bindings.unbind(code, token).map(removed -> page(code, removed ? "unbound" : "gone", "")));
	}

	private Mono<Rendering> signed(String code, String key, Supplier<Mono<Rendering>> page) {
		return links.isValid(code, key) ? page.get() : Mono.just(lookup(code));
	}

	private Rendering page(String code, String state, String token) {
		return Rendering.view(PAGE).modelAttribute("code", code).modelAttribute("state", state)
				.modelAttribute("key", links.keyFor(code)).modelAttribute("token", token)
				.modelAttribute("progress", links.progressPath(code)).build();
	}

	private Rendering lookup(String code) {
		return Rendering.redirectTo(links.lookupPath(code)).build();
	}
}
