package cn.onething.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.identity.IdentityProperties;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A single sign-on under way (state, nonce, PKCE verifier) kept in a signed cookie until the provider sends the
 * browser back, instead of Spring's default WebSession: the provider's answer may reach another replica than the
 * one that sent the browser there. The answer counts only with the state this browser was sent off with, once, and
 * within {@link #PATIENCE}.
 */
@Component
public class SignedAuthorizationRequests implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String COOKIE = "ONETHING_SSO";
	/** Only the sign-in's own paths (/staff/sso/start, /staff/sso/callback) receive the cookie. */
	static final String PATH = "/staff/sso";
	/** Long enough to type a password at the provider, short enough that a forgotten tab does not count. */
	static final Duration PATIENCE = Duration.ofMinutes(10);

	/** What the cookie holds: the request, field by field, every value a string. */
	record Pending(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
			Map<String, String> additionalParameters, Map<String, String> attributes, String authorizationRequestUri,
			long expiresAt) {

		static Pending of(OAuth2AuthorizationRequest request, long expiresAt) {
			return new Pending(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
					request.getScopes(), request.getState(), strings(request.getAdditionalParameters()),
					strings(request.getAttributes()), request.getAuthorizationRequestUri(), expiresAt);
		}

		OAuth2AuthorizationRequest request() {
			return OAuth2AuthorizationRequest.authorizationCode().authorizationUri(authorizationUri).clientId(clientId)
					.redirectUri(redirectUri).scopes(scopes).state(state)
					.additionalParameters(Map.copyOf(additionalParameters)).attributes(Map.copyOf(attributes))
					.authorizationRequestUri(authorizationRequestUri).build();
		}

		private static Map<String, String> strings(Map<String, Object> values) {
			return values.entrySet().stream()
					.collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
		}
	}

	private final SignedSessions signer;
	private final Clock clock;

	SignedAuthorizationRequests(IdentityProperties properties, JsonMapper json, Optional<Clock> clock) {
		this.signer = SignedSessions.forPurpose("sso", properties, json);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Override
	public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
		return Mono.justOrEmpty(pending(exchange));
	}

	@Override
	public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
		if (request == null) {
			setCookie(exchange, "", Duration.ZERO);
		}
		else {
			long expiresAt = clock.instant().plus(PATIENCE).getEpochSecond();
			setCookie(exchange, signer.sign(Pending.of(request, expiresAt)), PATIENCE);
		}
		return Mono.empty();
	}

	/** Used up by the provider's answer, whether it matched or not: a state is tried once. */
	@Override
	public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
		Optional<OAuth2AuthorizationRequest> pending = pending(exchange);
		setCookie(exchange, "", Duration.ZERO);
		return Mono.justOrEmpty(pending);
	}

	/** The request this browser was sent off with, if the answer carries its state and it is not too old. */
	private Optional<OAuth2AuthorizationRequest> pending(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
		if (cookie == null || state == null) {
			return Optional.empty();
		}
		long now = clock.instant().getEpochSecond();
		return signer.read(cookie.getValue(), Pending.class)
				.filter(pending -> now < pending.expiresAt() && state.equals(pending.state()))
				.map(Pending::request);
	}

	private static void setCookie(ServerWebExchange exchange, String value, Duration maxAge) {
		// Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value).path(PATH).httpOnly(true).sameSite("Lax")
				.secure(exchange.getRequest().getSslInfo() != null).maxAge(maxAge).build();
		exchange.getResponse().getCookies().set(COOKIE, cookie);
	}
}
