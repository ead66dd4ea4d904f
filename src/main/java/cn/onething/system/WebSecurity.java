package cn.onething.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Applicant pages, the public API and WeChat's callback need no sign-in; the staff console does. CSRF protection
 * applies where a signed-in session exists (the staff console); applicant forms carry no credentials to abuse.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class WebSecurity {

	@Bean
	SecurityWebFilterChain webFilterChain(ServerHttpSecurity http) {
		return http
				.authorizeExchange(exchanges -> exchanges
						.pathMatchers("/staff/**").authenticated()
						.anyExchange().permitAll())
				.csrf(csrf -> csrf.requireCsrfProtectionMatcher(ServerWebExchangeMatchers.pathMatchers(
						org.springframework.http.HttpMethod.POST, "/staff/**")))
				.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
				.build();
	}
}
