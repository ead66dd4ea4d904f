package cn.onething.identity.web;

import java.net.URI;

import cn.onething.identity.StaffRole;
import cn.onething.identity.internal.SignInAttempts;
import cn.onething.identity.session.CookieSecurityContextRepository;
import cn.onething.identity.sso.SingleSignOn;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The staff console's security chain, answering /staff/** before the public chain (system.WebSecurity): form sign-in
 * with a lock after repeated wrong passwords, single sign-on when configured, the session in a signed cookie and CSRF
 * tokens in a cookie. Nothing lives in a server session, so no replica needs to see the same browser twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class StaffSecurity {

	static final String CONSOLE = "/staff";
	static final String SIGN_IN = "/staff/login";
	static final String SIGN_OUT = "/staff/logout";
	static final String PASSWORD = "/staff/password";
	static final String ACCOUNTS = "/staff/accounts";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain staffConsole(ServerHttpSecurity http, CookieSecurityContextRepository sessions,
			SignInAttempts signIn, SingleSignOn singleSignOn) {
		// the default request cache keeps the page asked for in the WebSession; staff start from their queue instead
		ServerRequestCache noSession = NoOpServerRequestCache.getInstance();
		RedirectServerAuthenticationEntryPoint toSignIn = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
		toSignIn.setRequestCache(noSession);
		RedirectServerAuthenticationSuccessHandler signedIn = new RedirectServerAuthenticationSuccessHandler(CONSOLE);
		signedIn.setRequestCache(noSession);
		RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
		signedOut.setLogoutSuccessUrl(URI.create(SIGN_IN + "?logout=1"));
		SignInFailures refused = new SignInFailures(SIGN_IN);
		return singleSignOn.offeredOn(http, signedIn, refused, SIGN_IN)
				.securityMatcher(ServerWebExchangeMatchers.pathMatchers(CONSOLE, CONSOLE + "/**"))
				.securityContextRepository(sessions)
				.requestCache(cache -> cache.requestCache(noSession))
				.authorizeExchange(exchanges -> exchanges
						.pathMatchers(SIGN_IN).permitAll()
						.pathMatchers(ACCOUNTS, ACCOUNTS + "/**").hasRole(StaffRole.ADMIN.name())
						.anyExchange().authenticated())
				.formLogin(form -> form
						.loginPage(SIGN_IN)
						.authenticationManager(signIn)
						.securityContextRepository(sessions)
						.authenticationSuccessHandler(signedIn)
						.authenticationFailureHandler(refused))
				.logout(logout -> logout.logoutUrl(SIGN_OUT)
						.logoutHandler((signOut, authentication) -> sessions.end(signOut.getExchange()))
						.logoutSuccessHandler(signedOut))
				// every unauthenticated console request, whatever it accepts, goes to the sign-in page
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(toSignIn))
				.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).csrfTokenRequestHandler(csrfFromFormsAndUploads()))
				.addFilterAfter(new CsrfTokenForForms(), SecurityWebFiltersOrder.CSRF)
				.addFilterAfter(new PasswordChangeFirst(), SecurityWebFiltersOrder.AUTHORIZATION)
				.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
				.build();
	}

	/** The token's copy lives in a cookie rather than a server session; pages render it into their forms. */
	private static CookieServerCsrfTokenRepository csrfTokens() {
		CookieServerCsrfTokenRepository tokens = new CookieServerCsrfTokenRepository();
		tokens.setCookiePath(CONSOLE);
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	/** Masked per response (BREACH: pages are compressed); read from multipart forms too, for uploaded corrections. */
	private static XorServerCsrfTokenRequestAttributeHandler csrfFromFormsAndUploads() {
		XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
		handler.setTokenFromMultipartDataEnabled(true);
		return handler;
	}
}
