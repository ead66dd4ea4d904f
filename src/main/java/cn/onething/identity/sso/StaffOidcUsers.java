package cn.onething.identity.sso;

import cn.onething.identity.internal.StaffAccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;

/**
 * Maps the person the provider vouches for to an existing, enabled staff account by one claim. Single sign-on
 * proves who someone is, not that they work here: an account is created and given roles only by an administrator.
 */
final class StaffOidcUsers implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

	static final String NO_ACCOUNT = "no_staff_account";
	static final String DISABLED = "staff_account_disabled";
	/** Not the provider's refusal: it could not be asked (see SingleSignOn). */
	static final String UNREACHABLE = "provider_unreachable";

	private static final Logger log = LoggerFactory.getLogger(StaffOidcUsers.class);

	private final OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();
	private final StaffAccountStore accounts;
	private final String usernameClaim;

	StaffOidcUsers(StaffAccountStore accounts, String usernameClaim) {
		this.accounts = accounts;
		this.usernameClaim = usernameClaim;
	}

	@Override
	public Mono<OidcUser> loadUser(OidcUserRequest request) {
		return provider.loadUser(request).flatMap(user -> {
			String claimed = user.getClaimAsString(usernameClaim);
			if (claimed == null || claimed.isBlank()) {
				log.warn("an SSO sign-in was refused: the provider's token has no claim {} (onething.identity.sso.username-claim)",
						usernameClaim);
				return Mono.error(refused(NO_ACCOUNT));
			}
			return accounts.byUsername(StaffAccountStore.normalize(claimed))
					.switchIfEmpty(Mono.defer(() -> {
						// the claimed name may be a person's name: it stays out of the log
						log.info("an SSO sign-in was refused: its claim {} names no staff account", usernameClaim);
						return Mono.error(refused(NO_ACCOUNT));
					}))
					.flatMap(account -> account.enabled()
							? Mono.just((OidcUser) new StaffOidcUser(user, account.member()))
							: Mono.error(refused(DISABLED)));
		});
	}

	private static OAuth2AuthenticationException refused(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code));
	}
}
