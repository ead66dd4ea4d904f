package cn.onething.identity.sso;

import cn.onething.identity.StaffMember;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The provider's user, with the staff account its claim named: what the console's session is opened for. */
final class StaffOidcUser extends DefaultOidcUser {

	private final transient StaffMember member;

	StaffOidcUser(OidcUser user, StaffMember member) {
		super(user.getAuthorities(), user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
		this.member = member;
	}

	StaffMember member() {
		return member;
	}
}
