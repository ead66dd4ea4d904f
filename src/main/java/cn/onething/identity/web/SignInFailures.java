package cn.onething.identity.web;

import java.net.URI;
import java.util.Optional;

import cn.onething.identity.sso.SingleSignOn;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Back to the sign-in page with the reason (wrong password, or locked) and the username kept, so only the password
 * is typed again. A wrong username and a wrong password get the same answer. A single sign-on that let nobody in
 * comes back with its own reason.
 */
final class SignInFailures implements ServerAuthenticationFailureHandler {

	private final String signInPage;
	private final ServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

	SignInFailures(String signInPage) {
		this.signInPage = signInPage;
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
		Optional<String> singleSignOn = SingleSignOn.failure(exception);
		if (singleSignOn.isPresent()) {
			// the provider's answer comes back by GET: no form, no username to keep
			return redirect.sendRedirect(exchange.getExchange(), location(singleSignOn.get(), null));
		}
		String reason = exception instanceof LockedException ? "locked" : "wrong";
		return exchange.getExchange().getFormData()
				.map(form -> form.getFirst("username") == null ? "" : form.getFirst("username").strip())
				.flatMap(username -> redirect.sendRedirect(exchange.getExchange(), location(reason, username)));
	}

	private URI location(String reason, String username) {
		UriComponentsBuilder page = UriComponentsBuilder.fromPath(signInPage).queryParam("error", reason);
		return (username == null ? page : page.queryParam("username", username)).encode().build().toUri();
	}
}
