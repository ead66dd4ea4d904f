package cn.onething.identity.sso;

import java.time.Duration;
import java.util.Set;

import cn.onething.identity.IdentityProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one provider, read from its discovery document at the first sign-in through it rather than at start-up, so the
 * service starts (and passwords work) while the provider is down. A failed read is tried again at the next sign-in;
 * a good one is kept.
 */
final class ProviderRegistration implements ReactiveClientRegistrationRepository {

	static final String ID = "hall";

	private final Mono<ClientRegistration> registration;

	ProviderRegistration(IdentityProperties.SingleSignOn sso) {
		// discovery is a blocking HTTP call: on the bounded elastic scheduler, never on the event loop
		this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(sso.issuerUri())
						.registrationId(ID).clientId(sso.clientId()).clientSecret(sso.clientSecret())
						.scope(Set.copyOf(sso.scopes())).redirectUri(SingleSignOn.CALLBACK_TEMPLATE)
						// "sub" is in every ID token; the configured claim is read by StaffOidcUsers, which can
						// say clearly when it is missing
						.userNameAttributeName(IdTokenClaimNames.SUB).build())
				.subscribeOn(Schedulers.boundedElastic())
				.cache(read -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
		return ID.equals(registrationId) ? registration : Mono.empty();
	}
}
