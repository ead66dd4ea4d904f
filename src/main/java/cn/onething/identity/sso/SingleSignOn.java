package cn.onething.identity.sso;

import java.util.Optional;

import cn.onething.identity.IdentityProperties;
import cn.onething.identity.internal.StaffAccountStore;
import cn.onething.identity.session.CookieSecurityContextRepository;
import cn.onething.identity.session.SignedAuthorizationRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;

/**
 * Signing in to the console through the hall's unified identity service (统一身份认证, OpenID Connect), beside
 * passwords and off unless {@code onething.identity.sso.issuer-uri} is set. It ends in the same console session as a
 * password sign-in: a row in identity_session named by the signed cookie, ended by signing out or by disabling the
 * account. Nothing of it is kept in a replica's memory: the sign-in under way waits in a signed cookie
 * ({@link SignedAuthorizationRequests}), and the provider's tokens are not kept at all (nothing here calls the
 * provider on the member's behalf afterwards).
 */
@Component
public class SingleSignOn {

	/** Where the sign-in page's button sends the browser; from here to the provider. */
	public static final String START = "/staff/sso/start/" + ProviderRegistration.ID;
	/** The sign-in page's {@code error} values when single sign-on let nobody in. */
	public static final String NO_ACCOUNT = "sso-no-account";
	public static final String DISABLED = "sso-disabled";
	public static final String FAILED = "sso-failed";
	public static final String UNAVAILABLE = "sso-unavailable";

	/** Where the provider sends the browser back: register {@code https://<host>/staff/sso/callback/hall} there. */
	static final String CALLBACK_TEMPLATE = "{baseUrl}/staff/sso/callback/{registrationId}";

	private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

	private final IdentityProperties.SingleSignOn settings;
	private final StaffAccountStore accounts;
	private final CookieSecurityContextRepository sessions;
	private final SignedAuthorizationRequests pending;

	SingleSignOn(IdentityProperties properties, StaffAccountStore accounts, CookieSecurityContextRepository sessions,
			SignedAuthorizationRequests pending) {
		this.settings = properties.sso();
		this.accounts = accounts;
		this.sessions = sessions;
		this.pending = pending;
	}

	public boolean configured() {
		return settings.configured();
	}

	/** Adds the sign-in through the provider to the console's chain, when it is configured. */
	public ServerHttpSecurity offeredOn(ServerHttpSecurity http, ServerAuthenticationSuccessHandler signedIn,
			ServerAuthenticationFailureHandler refused, String signInPage) {
		if (!configured()) {
			return http;
		}
		ProviderRegistration provider = new ProviderRegistration(settings);
		return http.addFilterBefore(new ProviderUnreachable(provider, signInPage), SecurityWebFiltersOrder.HTTP_BASIC)
				.oauth2Login(login -> login
					.clientRegistrationRepository(provider)
					.authorizationRequestResolver(new DefaultServerOAuth2AuthorizationRequestResolver(provider,
							ServerWebExchangeMatchers.pathMatchers("/staff/sso/start/{registrationId}")))
					.authorizationRequestRepository(pending)
					.authenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/staff/sso/callback/{registrationId}"))
					.authenticationManager(answerChecked(new OidcAuthorizationCodeReactiveAuthenticationManager(
							new WebClientReactiveAuthorizationCodeTokenResponseClient(),
							new StaffOidcUsers(accounts, settings.usernameClaim()))))
					.authorizedClientRepository(new NoAuthorizedClients())
					.securityContextRepository(new SsoSessions(sessions))
					.authenticationSuccessHandler(signedIn)
					.authenticationFailureHandler(refused));
	}

	/**
	 * The sign-in page's {@code error} for a single sign-on that let nobody in, or empty for a failure of another
	 * kind of sign-in.
	 */
	public static Optional<String> failure(AuthenticationException exception) {
		if (!(exception instanceof OAuth2AuthenticationException refusal)) {
			return Optional.empty();
		}
		return Optional.of(switch (refusal.getError().getErrorCode()) {
			case StaffOidcUsers.NO_ACCOUNT -> NO_ACCOUNT;
			case StaffOidcUsers.DISABLED -> DISABLED;
			case StaffOidcUsers.UNREACHABLE -> {
				log.warn("an SSO sign-in failed: the provider could not be reached ({})", String.valueOf(refusal.getCause()));
				yield UNAVAILABLE;
			}
			default -> {
				// a forged or stale answer, a refusal at the provider, a token that failed its checks
				log.warn("an SSO sign-in failed: {}", refusal.getError());
				yield FAILED;
			}
		});
	}

	/**
	 * The provider unreachable while its answer is checked (token, keys, user info) is a failed sign-in with the
	 * sign-in page's message, like any refusal, rather than an error page.
	 */
	private static ReactiveAuthenticationManager answerChecked(ReactiveAuthenticationManager manager) {
		return attempt -> manager.authenticate(attempt).onErrorMap(error -> !(error instanceof AuthenticationException),
				error -> new OAuth2AuthenticationException(new OAuth2Error(StaffOidcUsers.UNREACHABLE), error));
	}
}
