package cn.onething.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The public side: applicant pages, the JSON API, guides, bundles, progress pages, documents, WeChat's callback, the
 * dev pages and health checks need no sign-in, keep no session and carry no CSRF token (applicant forms carry no
 * credentials to abuse). The staff console has a chain of its own (identity.web.StaffSecurity), ordered before this
 * one, with sign-in and CSRF, and so has the staff API (identity.web.StaffApiSecurity, bearer tokens).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class WebSecurity {

	/**
	 * Spring Security would time every one of its filters, for every request, as an observation of its own: a cost
	 * paid on each page view for traces this service does not collect. Requests are still measured as a whole
	 * ({@code http.server.requests}), and failed sign-ins are recorded per account by the identity module.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityWebFilterChain publicPages(ServerHttpSecurity http) {
		return http
				.authorizeExchange(exchanges -> exchanges
						// answered by the staff chains first; should they ever be missing, the console and its API stay shut
						.pathMatchers("/staff", "/staff/**", "/api/staff", "/api/staff/**").denyAll()
						.anyExchange().permitAll())
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
				.logout(ServerHttpSecurity.LogoutSpec::disable)
				.build();
	}
}
