package cn.onething.wechat.callback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import cn.onething.wechat.internal.WechatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Mono;

/**
 * The URL configured as the account's server address (docs/wechat.md §6). Answers are plain text or XML, never JSON
 * or an error page (§10.B.17); anything refused gets a bare status.
 */
@Controller
@RequestMapping("/wechat/callback")
class CallbackController {

	private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

	/** §6.4: "nothing to say", and no retry. */
	private static final String SUCCESS = "success";

	private final WechatProperties properties;
	private final SafeMode safeMode;
	private final CallbackHandler handler;

	CallbackController(WechatProperties properties, SafeMode safeMode, CallbackHandler handler) {
		this.properties = properties;
		this.safeMode = safeMode;
		this.handler = handler;
	}

	/** §6.1: WeChat checks the address once, when it is configured; the answer is echostr, verbatim. */
	@GetMapping
	@ResponseBody
	ResponseEntity<String> verify(@RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		if (!properties.callbackEnabled()) {
			return ResponseEntity.notFound().build();
		}
		if (echostr == null || !CallbackSignature.matches(signature, properties.token(), timestamp, nonce)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echostr);
	}

	/** §6.2: a push; {@code encrypt_type=aes} in safe and compatible mode, absent or {@code raw} in plaintext mode. */
	@PostMapping
	@ResponseBody
	Mono<ResponseEntity<String>> push(ServerHttpRequest request, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature) {
		if (!properties.callbackEnabled()) {
			return Mono.just(ResponseEntity.notFound().build());
		}
		return Mono.defer(() -> {
			long signedAt = authentic(signature, timestamp, nonce);
			return body(request)
					.map(body -> "aes".equals(encryptType) ? safeMode.open(body, msgSignature, timestamp, nonce)
							: new SafeMode.Opened(CallbackXml.parse(body), UnaryOperator.identity()))
					.flatMap(opened -> handler.handle(opened.message(), signedAt, nonce).map(reply -> answer(reply, opened)));
		}).onErrorResume(CallbackRefused.class, refused -> {
			log.info("WeChat callback refused with {}: {}", refused.status().value(), refused.getMessage());
			return Mono.just(ResponseEntity.status(refused.status()).build());
		});
	}

	/**
	 * The URL signature proves the Token; a timestamp within the replay window and a nonce used once (checked with
	 * the push, in the handler) keep a captured request from being played again. In plaintext mode the signature
	 * does not cover the body, which is why the nonce may be used only once.
	 */
	private long authentic(String signature, String timestamp, String nonce) {
		if (!CallbackSignature.matches(signature, properties.token(), timestamp, nonce)) {
			throw new CallbackRefused(HttpStatus.FORBIDDEN, "signature does not match");
		}
		long signedAt;
		try {
			signedAt = Long.parseLong(timestamp);
		}
		catch (NumberFormatException e) {
			throw new CallbackRefused(HttpStatus.FORBIDDEN, "timestamp is not a number");
		}
		if (Math.abs(Instant.now().getEpochSecond() - signedAt) > properties.replayWindow().toSeconds()) {
			throw new CallbackRefused(HttpStatus.FORBIDDEN, "timestamp outside the replay window");
		}
		return signedAt;
	}

	/** At most onething.wechat.max-callback-size, refused before reading when the length is announced. */
	private Mono<String> body(ServerHttpRequest request) {
		int limit = Math.toIntExact(properties.maxCallbackSize().toBytes());
		if (request.getHeaders().getContentLength() > limit) {
			return Mono.error(new CallbackRefused(HttpStatus.CONTENT_TOO_LARGE, "Content-Length above the limit"));
		}
		return DataBufferUtils.join(request.getBody(), limit)
				.map(buffer -> {
					String body = buffer.toString(StandardCharsets.UTF_8);
					DataBufferUtils.release(buffer);
					return body;
				})
				.defaultIfEmpty("")
				.onErrorMap(DataBufferLimitException.class,
						tooLarge -> new CallbackRefused(HttpStatus.CONTENT_TOO_LARGE, "body above the limit"));
	}

	private static ResponseEntity<String> answer(Optional<String> reply, SafeMode.Opened opened) {
		return reply
				.map(xml -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8))
						.body(opened.seal().apply(xml)))
				.orElseGet(() -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(SUCCESS));
	}
}
