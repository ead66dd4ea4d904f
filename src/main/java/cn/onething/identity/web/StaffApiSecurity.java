package cn.onething.identity.web;

import java.nio.charset.StandardCharsets;

import cn.onething.identity.session.BearerTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * The staff API's security chain (/api/staff/**), between the console's (identity.web.StaffSecurity) and the public
 * one: the same accounts, roles and sign-in lock as the console, but a bearer token instead of the console's cookie
 * and CSRF token. The console's scheme does not fit a program: its cookie is scoped to /staff, and its CSRF token is
 * masked per page and read from the page's forms. A bearer header is never sent by a browser on its own, so no CSRF
 * token is needed. Without a valid token the answer is a 401 problem document, not the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class StaffApiSecurity {

	static final String API = "/api/staff";
	static final String TOKENS = API + "/tokens";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityWebFilterChain staffApiChain(ServerHttpSecurity http, BearerTokens tokens) {
		return http
				.securityMatcher(ServerWebExchangeMatchers.pathMatchers(API, API + "/**"))
				.securityContextRepository(tokens)
				.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
				.authorizeExchange(exchanges -> exchanges
						.pathMatchers(HttpMethod.POST, TOKENS).permitAll()
						.anyExchange().authenticated())
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized()))
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
				.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
				.logout(ServerHttpSecurity.LogoutSpec::disable)
				.build();
	}

	/** RFC 6750's challenge, with an RFC 9457 problem saying where to get a token. */
	private static ServerAuthenticationEntryPoint unauthorized() {
		return (exchange, exception) -> {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			byte[] body = """
					{"type":"about:blank","title":"Unauthorized","status":401,\
					"detail":"请先登录：POST %s 取得令牌，再以 Authorization: Bearer <令牌> 调用"}"""
					.formatted(TOKENS).getBytes(StandardCharsets.UTF_8);
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		};
	}
}
