package cn.onething.identity.web;

import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reactive CSRF tokens are made only when someone asks for them. This asks, on every console request, and leaves
 * the token where {@link CsrfRequestDataValueProcessor} finds it: every {@code th:action} form on a staff page then
 * carries it as a hidden field, with no template code.
 */
final class CsrfTokenForForms implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return (token == null ? Mono.<CsrfToken>empty() : token)
				.doOnNext(value -> exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, value))
				.then(chain.filter(exchange));
	}
}
