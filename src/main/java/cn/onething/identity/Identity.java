package cn.onething.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The identity module's facade: who is signed in. */
@Service
public class Identity {

	/** The staff member signed in on this request; empty on pages outside the staff console. */
	public Mono<StaffMember> signedIn() {
		return ReactiveSecurityContextHolder.getContext()
				.mapNotNull(SecurityContext::getAuthentication)
				.mapNotNull(Authentication::getPrincipal)
				.filter(StaffMember.class::isInstance)
				.cast(StaffMember.class);
	}
}
