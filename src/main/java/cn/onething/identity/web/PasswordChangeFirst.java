package cn.onething.identity.web;

import java.net.URI;

import cn.onething.identity.internal.StaffAuthorities;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A member signed in with a password someone else chose (a new account, a reset) reaches only the page that
 * replaces it, and signing out: every other console address answers 303 to that page.
 */
final class PasswordChangeFirst implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.equals(StaffSecurity.PASSWORD) || path.equals(StaffSecurity.SIGN_OUT) || path.equals(StaffSecurity.SIGN_IN)) {
			return chain.filter(exchange);
		}
		return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
				.map(StaffAuthorities::passwordChangeRequired).defaultIfEmpty(false)
				.flatMap(required -> required ? toPasswordPage(exchange) : chain.filter(exchange));
	}

	private static Mono<Void> toPasswordPage(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
		exchange.getResponse().getHeaders().setLocation(URI.create(StaffSecurity.PASSWORD));
		return exchange.getResponse().setComplete();
	}
}
