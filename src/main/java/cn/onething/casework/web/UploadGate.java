package cn.onething.casework.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

import cn.onething.casework.CaseworkProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every multipart request, on every route, passes here before anything reads it (ahead of the security chains, whose
 * CSRF check reads staff uploads): at most {@code max-uploads-in-flight} at once per replica, from the first byte
 * read to the response written (503 with Retry-After beyond), and none whose Content-Length says it is larger than
 * {@code max-upload-request-size}: refused before a byte of it is read ({@link LimitedPartReader} stops the others
 * where they pass it). Refusals that reach this far are answered here: for /api a problem document, for pages the
 * Chinese error page.
 */
final class UploadGate implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(UploadGate.class);

	private final CaseworkProperties limits;
	private final Semaphore inFlight;
	private final JsonMapper json;

	UploadGate(CaseworkProperties limits, JsonMapper json) {
		this.limits = limits;
		this.inFlight = new Semaphore(limits.maxUploadsInFlight());
		this.json = json;
	}

	/** Before Spring Security's chains (order -100). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		MediaType type = request.getHeaders().getContentType();
		if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
			return chain.filter(exchange);
		}
		if (request.getHeaders().getContentLength() > limits.maxUploadRequestSize().toBytes()) {
			return refuse(exchange, UploadRefused.requestTooLarge(limits.maxUploadRequestSize()));
		}
		return Mono.defer(() -> {
			if (!inFlight.tryAcquire()) {
				return refuse(exchange, UploadRefused.busy(limits.maxUploadsInFlight(), limits.uploadRetryAfter()));
			}
			return chain.filter(exchange)
					.onErrorResume(UploadRefused.class, refused -> refuse(exchange, refused))
					.doFinally(signal -> inFlight.release());
		});
	}

	private Mono<Void> refuse(ServerWebExchange exchange, UploadRefused refused) {
		log.warn("upload refused with {} ({}) on {} {}", refused.getStatusCode().value(), refused.getBody().getProperties().get("limit"),
				exchange.getRequest().getMethod(), exchange.getRequest().getPath().value());
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(refused);
		}
		var response = exchange.getResponse();
		response.getHeaders().addAll(refused.getHeaders());
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
			// Spring Boot's error page of the status (templates/error/), in Chinese
			return Mono.error(refused);
		}
		response.setStatusCode(refused.getStatusCode());
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = json.writeValueAsBytes(document(refused.getBody(), exchange));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/** The fields as the API's other problem documents have them: RFC 9457's, then the extension members. */
	private static Map<String, Object> document(ProblemDetail problem, ServerWebExchange exchange) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", problem.getType().toString());
		document.put("title", problem.getTitle());
		document.put("status", problem.getStatus());
		document.put("detail", problem.getDetail());
		document.put("instance", exchange.getRequest().getPath().value());
		document.putAll(problem.getProperties());
		return document;
	}
}
