package cn.onething.identity.sso;

import cn.onething.identity.session.CookieSecurityContextRepository;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Opens the console session for the account the provider's claim named, exactly as a password sign-in does. No
 * password of ours was typed, so none has to be changed first.
 */
final class SsoSessions implements ServerSecurityContextRepository {

	private final CookieSecurityContextRepository sessions;

	SsoSessions(CookieSecurityContextRepository sessions) {
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		if (context != null && context.getAuthentication() != null
				&& context.getAuthentication().getPrincipal() instanceof StaffOidcUser user) {
			return sessions.open(exchange, user.member(), false);
		}
		return sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return sessions.load(exchange);
	}
}
