package cn.onething.wechat.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.internal.DevInbox;
import cn.onething.wechat.internal.Scenes;
import cn.onething.wechat.internal.WechatEvents;
import cn.onething.wechat.internal.WechatProperties;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Dev mode's stand-ins for WeChat (docs/architecture.md §6): the inbox where pushes land, the scan of a binding QR
 * code, the OAuth consent. They exist only in dev mode; with an account configured they answer 404, since they would
 * let anyone bind any openid.
 */
@Controller
@RequestMapping("/dev/wechat")
class DevPages {

	private static final int INBOX_SIZE = 100;
	private static final String SAMPLE_OPENID = "o-dev-applicant";

	private final DevInbox inbox;
	private final WechatEvents events;
	private final WechatProperties properties;

	DevPages(DevInbox inbox, WechatEvents events, WechatProperties properties) {
		this.inbox = inbox;
		this.events = events;
		this.properties = properties;
	}

	@GetMapping("/inbox")
	Mono<Rendering> inbox(@RequestParam(required = false) String openid) {
		requireDevMode();
		String wanted = openid == null || openid.isBlank() ? null : openid.strip();
		return inbox.latest(wanted, INBOX_SIZE).collectList()
				.map(entries -> Rendering.view("wechat/dev/inbox").modelAttribute("openid", wanted == null ? "" : wanted)
						.modelAttribute("entries", entries).build());
	}

	@GetMapping("/scan")
	Rendering scanPage(@RequestParam(required = false) String scene) {
		requireDevMode();
		return scanView(requireScene(scene), SAMPLE_OPENID, false);
	}

	/** What WeChat's subscribe or SCAN event would do: publish the binding. */
	@PostMapping(path = "/scan", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	Mono<Rendering> scan(ServerWebExchange exchange) {
		requireDevMode();
		return exchange.getFormData().flatMap(form -> {
			String scene = requireScene(form.getFirst("scene"));
			String openid = requireOpenid(form);
			return events.scanned(new WechatScanned(openid, scene)).thenReturn(scanView(scene, openid, true));
		});
	}

	/** The consent page WeChat would show; the developer types the openid to come back with. */
	@GetMapping("/oauth/authorize")
	Rendering authorize(@RequestParam(name = "redirect_uri") String redirectUri, @RequestParam String state) {
		requireDevMode();
		if (!redirectUri.equals(properties.publicBaseUrl() + "/wechat/oauth/callback")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "不是本服务的回调地址");
		}
		return Rendering.view("wechat/dev/authorize").modelAttribute("redirectUri", redirectUri)
				.modelAttribute("state", state).modelAttribute("openid", SAMPLE_OPENID).build();
	}

	/** The image of a dev binding QR code: it opens the scan page above. */
	@GetMapping(path = "/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@ResponseBody
	byte[] qr(@RequestParam String scene) {
		requireDevMode();
		String target = properties.publicBaseUrl() + "/dev/wechat/scan?scene=" + requireScene(scene);
		try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
			MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(target, BarcodeFormat.QR_CODE, 240, 240), "PNG", png);
			return png.toByteArray();
		}
		catch (WriterException e) {
			throw new IllegalStateException("a scene always fits in a QR code", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Rendering scanView(String scene, String openid, boolean done) {
		return Rendering.view("wechat/dev/scan").modelAttribute("scene", scene).modelAttribute("openid", openid)
				.modelAttribute("done", done).build();
	}

	private void requireDevMode() {
		if (!properties.devMode()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static String requireScene(String scene) {
		if (!Scenes.valid(scene)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "二维码参数无效");
		}
		return scene;
	}

	private static String requireOpenid(MultiValueMap<String, String> form) {
		String openid = form.getFirst("openid");
		if (openid == null || !openid.strip().matches("[A-Za-z0-9_-]{1,64}")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "openid 只能包含字母、数字、- 和 _");
		}
		return openid.strip();
	}
}
