package cn.onething.identity.internal;

import java.util.List;

import cn.onething.identity.StaffMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An account as Spring Security checks it at sign-in, carrying the member the session will hold. */
public final class StaffUser extends User {

	private final transient StaffMember member;

	StaffUser(StaffAccountStore.StaffAccount account, boolean locked) {
		super(account.member().username(), account.passwordHash(), account.enabled(), true, true, !locked,
				authoritiesOf(account.member()));
		this.member = account.member();
	}

	/** The member's roles as authorities, the same at sign-in and on every request after. */
	public static List<GrantedAuthority> authoritiesOf(StaffMember member) {
		return member.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	StaffMember member() {
		return member;
	}
}
