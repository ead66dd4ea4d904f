package cn.onething.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code onething.identity.*}.
 *
 * @param demoAccounts create the demo staff accounts at start-up (the embedded-database mode turns this on; never
 *     in production)
 * @param sessionSecret signs the staff session cookie; set the same value (at least 32 characters) on every replica.
 *     Without it a random key is used: sessions end with a restart and do not span replicas
 * @param sessionTimeout how long a console session lasts without use; use extends it, up to {@code sessionLifetime}
 * @param sessionLifetime how long a console session or an API token lasts at most from its sign-in
 * @param revocationCheckInterval how long a replica trusts its last look at whether a session was ended (signed
 *     out, account disabled); a session ended on another replica is refused within this time
 * @param maxFailedSignIns wrong passwords in a row from one client address that lock sign-ins to that user name from
 *     that address; as many from anywhere slow every sign-in to the name by {@code accountSlowdown}
 * @param lockDuration how long such a lock lasts, and the window in which wrong passwords are counted
 * @param accountSlowdown the wait before each sign-in to a user name that has had too many wrong passwords
 * @param bcryptStrength bcrypt's cost (log2 of its rounds): 10 is OWASP's minimum and about 80 ms on a server core;
 *     raising it re-hashes each password at its owner's next sign-in
 * @param bootstrapAdmin the username of a first administrator to create at start-up while no account holds the
 *     admin role (ONETHING_IDENTITY_BOOTSTRAP_ADMIN); needs {@code bootstrapAdminPassword}
 * @param bootstrapAdminPassword that administrator's first password, from a secret; it must be changed at the first
 *     sign-in
 * @param sso single sign-on through the hall's OpenID Connect provider, beside passwords; off unless its issuer is set
 */
@ConfigurationProperties("onething.identity")
public record IdentityProperties(
		@DefaultValue("false") boolean demoAccounts,
		String sessionSecret,
		@DefaultValue("1h") Duration sessionTimeout,
		@DefaultValue("10h") Duration sessionLifetime,
		@DefaultValue("5s") Duration revocationCheckInterval,
		@DefaultValue("5") int maxFailedSignIns,
		@DefaultValue("15m") Duration lockDuration,
		@DefaultValue("1s") Duration accountSlowdown,
		@DefaultValue("10") int bcryptStrength,
		String bootstrapAdmin,
		String bootstrapAdminPassword,
		@DefaultValue SingleSignOn sso) {

	/**
	 * {@code onething.identity.sso.*}: the hall's unified identity service (统一身份认证) as an OpenID Connect provider.
	 *
	 * @param issuerUri the provider's issuer; its settings are read from {@code <issuer>/.well-known/openid-configuration}
	 *     at the first SSO sign-in, so the service starts while the provider is down. Unset: no SSO
	 * @param clientId this service's client id at the provider
	 * @param clientSecret its secret, from a Secret
	 * @param usernameClaim the ID token's claim that names the staff account (its username); the account must exist and
	 *     be enabled: SSO never creates one
	 * @param scopes what to ask the provider for; {@code openid} is always needed
	 */
	public record SingleSignOn(String issuerUri, String clientId, String clientSecret,
			@DefaultValue("preferred_username") String usernameClaim, @DefaultValue({ "openid", "profile" }) List<String> scopes) {

		public SingleSignOn {
			if (issuerUri != null && !issuerUri.isBlank()) {
				if (!issuerUri.startsWith("https://") && !issuerUri.startsWith("http://")) {
					throw new IllegalArgumentException("onething.identity.sso.issuer-uri must be an http(s) URL, was " + issuerUri);
				}
				if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
					throw new IllegalArgumentException("onething.identity.sso.issuer-uri needs onething.identity.sso.client-id "
							+ "and onething.identity.sso.client-secret (this service's client at the provider)");
				}
				if (usernameClaim == null || usernameClaim.isBlank()) {
					throw new IllegalArgumentException("onething.identity.sso.username-claim must name the ID token's claim "
							+ "that holds the staff username");
				}
				if (scopes == null || !scopes.contains("openid")) {
					throw new IllegalArgumentException("onething.identity.sso.scopes must include openid, was " + scopes);
				}
			}
			scopes = scopes == null ? List.of() : List.copyOf(scopes);
		}

		public boolean configured() {
			return issuerUri != null && !issuerUri.isBlank();
		}
	}

	static final int MIN_SECRET_LENGTH = 32;

	public IdentityProperties {
		if (sessionSecret != null && !sessionSecret.isBlank() && sessionSecret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalArgumentException("onething.identity.session-secret must be at least " + MIN_SECRET_LENGTH
					+ " characters long (a random string); it signs the staff session cookie");
		}
		if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
			throw new IllegalArgumentException("onething.identity.session-timeout must be positive, was " + sessionTimeout);
		}
		if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
			throw new IllegalArgumentException("onething.identity.session-lifetime must be positive, was " + sessionLifetime);
		}
		if (revocationCheckInterval.isNegative()) {
			throw new IllegalArgumentException("onething.identity.revocation-check-interval must not be negative, was "
					+ revocationCheckInterval);
		}
		if (maxFailedSignIns <= 0) {
			throw new IllegalArgumentException("onething.identity.max-failed-sign-ins must be a positive number, was " + maxFailedSignIns);
		}
		if (bcryptStrength < 10 || bcryptStrength > 16) {
			throw new IllegalArgumentException("onething.identity.bcrypt-strength must be between 10 and 16, was " + bcryptStrength);
		}
		if (accountSlowdown.isNegative()) {
			throw new IllegalArgumentException("onething.identity.account-slowdown must not be negative, was " + accountSlowdown);
		}
		if (bootstrapAdmin != null && !bootstrapAdmin.isBlank() && (bootstrapAdminPassword == null || bootstrapAdminPassword.isBlank())) {
			throw new IllegalArgumentException("onething.identity.bootstrap-admin needs onething.identity.bootstrap-admin-password "
					+ "(ONETHING_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD, from a secret): the first administrator's password");
		}
		if (lockDuration.isNegative() || lockDuration.isZero()) {
			throw new IllegalArgumentException("onething.identity.lock-duration must be positive, was " + lockDuration);
		}
	}

	public boolean hasSessionSecret() {
		return sessionSecret != null && !sessionSecret.isBlank();
	}
}
