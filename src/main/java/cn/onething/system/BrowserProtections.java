package cn.onething.system;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every answer tells the browser, whichever filter chain or cache produced it:
 * <ul>
 * <li>a Content-Security-Policy that allows only the service's own styles, scripts and images (plus WeChat's QR
 * images, and the public base URL's): the pages have no inline script or style, so an injected one does not run;</li>
 * <li>over HTTPS, every cookie {@code Secure}. Behind the Ingress, TLS ends at the proxy and the request arrives as
 * HTTP with {@code X-Forwarded-Proto: https}; with {@code server.forward-headers-strategy=native} (k8s sets it)
 * the request's scheme is https, but Spring Security's cookies look at the connection's TLS only.</li>
 * </ul>
 * Runs before the page cache (catalog's RenderedPages), so replayed pages carry the same policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BrowserProtections implements WebFilter {

	private final String contentSecurityPolicy;

	/**
	 * @param publicBaseUrl the address QR codes and pushes point to; images built from it (dev mode's binding QR) are
	 *                      the service's own even where the page was opened by another name (a pod's port-forward)
	 */
	BrowserProtections(@Value("${onething.catalog.public-base-url}") String publicBaseUrl) {
		this.contentSecurityPolicy = "default-src 'self'; img-src 'self' " + URI.create(publicBaseUrl).resolve("/")
				+ " data: https://mp.weixin.qq.com; style-src 'self'; script-src 'self'; object-src 'none'; "
				+ "base-uri 'self'; frame-ancestors 'none'";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set("Content-Security-Policy", contentSecurityPolicy);
		if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
			response.beforeCommit(() -> Mono.fromRunnable(() -> secureCookies(response)));
		}
		return chain.filter(exchange);
	}

	private static void secureCookies(ServerHttpResponse response) {
		response.getCookies().replaceAll((name, cookies) -> cookies.stream()
				.map(cookie -> cookie.isSecure() ? cookie : cookie.mutate().secure(true).build()).toList());
	}
}
