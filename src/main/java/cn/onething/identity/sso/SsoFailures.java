package cn.onething.identity.sso;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Back to the sign-in page with why single sign-on let nobody in: no account for the person, a disabled account, or
 * anything else (an answer that is not for this browser, a refusal or an error at the provider).
 */
final class SsoFailures implements ServerAuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SsoFailures.class);

	private final String signInPage;
	private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

	SsoFailures(String signInPage) {
		this.signInPage = signInPage;
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
		String reason = switch (code) {
			case StaffOidcUsers.NO_ACCOUNT -> SingleSignOn.NO_ACCOUNT;
			case StaffOidcUsers.DISABLED -> SingleSignOn.DISABLED;
			case StaffOidcUsers.UNREACHABLE -> {
				log.warn("an SSO sign-in failed: the provider could not be reached ({})", exception.getCause().toString());
				yield SingleSignOn.UNAVAILABLE;
			}
			default -> {
				log.warn("an SSO sign-in failed: {}", exception.getMessage());
				yield SingleSignOn.FAILED;
			}
		};
		URI location = UriComponentsBuilder.fromPath(signInPage).queryParam("error", reason).build().toUri();
		return redirect.sendRedirect(exchange.getExchange(), location);
	}
}
