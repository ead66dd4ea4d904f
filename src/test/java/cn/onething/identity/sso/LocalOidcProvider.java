package cn.onething.identity.sso;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real OpenID Connect provider for the tests, standing in for a hall's unified identity service: Spring
 * Authorization Server with its own sign-in form, on an embedded Tomcat at a random port of 127.0.0.1. Deliberately
 * without Spring Boot and Spring MVC, whose presence on the test classpath would turn every other test's application
 * into a servlet one: Spring Security's filters alone serve every endpoint the code flow needs (discovery, keys,
 * authorize, the sign-in form, token, user info).
 * <p>
 * Its people sign in with {@link #PASSWORD}; the ID token names them by {@code preferred_username}, which is the
 * provider's login name unless {@link #PREFERRED_USERNAMES} says otherwise (a person whose staff account has another
 * name, or none).
 */
final class LocalOidcProvider implements AutoCloseable {

	static final String CLIENT_ID = "onething";
	static final String CLIENT_SECRET = "provider-side-secret-of-onething";
	static final String PASSWORD = "idp-password";
	/** Login name at the provider → the claim it vouches for. */
	static final Map<String, String> PREFERRED_USERNAMES = Map.of("li.hua", "police", "stranger", "not-on-the-staff");

	private final Tomcat tomcat;
	private final AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();

	private LocalOidcProvider(Path baseDir) {
		tomcat = new Tomcat();
		tomcat.setBaseDir(baseDir.toString());
		tomcat.setHostname("127.0.0.1");
		tomcat.setPort(0);
		tomcat.getConnector().setProperty("address", "127.0.0.1");
	}

	/**
	 * Starts it. Its client may be sent back to the application's callback on 127.0.0.1 at any port: loopback
	 * redirect URIs may vary the port (RFC 8252 §7.3), which lets it start before the application it serves.
	 */
	static LocalOidcProvider start() throws IOException, LifecycleException {
		LocalOidcProvider provider = new LocalOidcProvider(Files.createTempDirectory("oidc-provider"));
		provider.spring.register(ProviderConfiguration.class);
		provider.spring.addBeanFactoryPostProcessor(beans -> beans.registerSingleton("redirectUri",
				"http://127.0.0.1/staff/sso/callback/hall"));
		Context context = provider.tomcat.addContext("", provider.tomcat.getServer().getCatalinaBase().getPath());
		context.addServletContainerInitializer((classes, servletContext) -> {
			provider.spring.setServletContext(servletContext);
			provider.spring.refresh();
			servletContext.addFilter("springSecurityFilterChain",
					new DelegatingFilterProxy("springSecurityFilterChain", provider.spring))
					.addMappingForUrlPatterns(null, false, "/*");
		}, null);
		// filters run only for a request some servlet would serve; whatever the filters let through is not found
		Tomcat.addServlet(context, "notFound", new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
			}
		});
		context.addServletMappingDecoded("/", "notFound");
		provider.tomcat.start();
		return provider;
	}

	/** The issuer, as the application is configured with it. */
	String issuer() {
		return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
	}

	@Override
	public void close() throws LifecycleException {
		tomcat.stop();
		tomcat.destroy();
		spring.close();
	}

	/** Not a @Configuration: the application's component scan of cn.onething must not find it. */
	@EnableWebSecurity
	static class ProviderConfiguration {

		@Bean
		@Order(1)
		SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(server -> {
				http.securityMatcher(server.getEndpointsMatcher());
				server.oidc(Customizer.withDefaults());
			})
					.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
					// the user info endpoint takes the access token as a bearer token
					.oauth2ResourceServer(resources -> resources.jwt(Customizer.withDefaults()))
					.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
			return http.build();
		}

		@Bean
		@Order(2)
		SecurityFilterChain signInForm(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
					.formLogin(Customizer.withDefaults()).build();
		}

		@Bean
		UserDetailsService people() {
			InMemoryUserDetailsManager people = new InMemoryUserDetailsManager();
			for (String name : new String[] { "li.hua", "stranger", "reviewer.wu", "hrss" }) {
				people.createUser(User.withUsername(name).password("{noop}" + PASSWORD).roles("STAFF").build());
			}
			return people;
		}

		@Bean
		RegisteredClientRepository clients(String redirectUri) {
			return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
					.clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
					.redirectUri(redirectUri).scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
					.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build()).build());
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> preferredUsername() {
			return context -> {
				if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
					String login = context.getPrincipal().getName();
					context.getClaims().claim("preferred_username", PREFERRED_USERNAMES.getOrDefault(login, login));
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
					.keyID(UUID.randomUUID().toString()).build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings settings() {
			// no issuer set: the provider names itself by the address it is asked at
			return AuthorizationServerSettings.builder().build();
		}
	}
}
