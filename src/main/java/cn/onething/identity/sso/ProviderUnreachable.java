package cn.onething.identity.sso;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Before the browser is sent to the provider: when its settings cannot be read (it is down, or the issuer is
 * mistyped), back to the sign-in page with a message saying so, where passwords still work, instead of an error page.
 */
final class ProviderUnreachable implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger(ProviderUnreachable.class);

	private final ServerWebExchangeMatcher start = ServerWebExchangeMatchers.pathMatchers(SingleSignOn.START);
	private final ProviderRegistration provider;
	private final URI signInPage;

	ProviderUnreachable(ProviderRegistration provider, String signInPage) {
		this.provider = provider;
		this.signInPage = UriComponentsBuilder.fromPath(signInPage).queryParam("error", SingleSignOn.UNAVAILABLE)
				.build().toUri();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return start.matches(exchange).flatMap(match -> match.isMatch()
				? provider.findByRegistrationId(ProviderRegistration.ID).map(found -> true)
						.onErrorResume(unreachable -> {
							log.warn("single sign-on is unavailable: the provider's settings could not be read ({})",
									unreachable.toString());
							return Mono.just(false);
						})
						.flatMap(reachable -> reachable ? chain.filter(exchange)
								: new DefaultServerRedirectStrategy().sendRedirect(exchange, signInPage))
				: chain.filter(exchange));
	}
}
