package cn.onething.identity.internal;

import java.util.List;

import cn.onething.identity.StaffMember;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A member's roles as Spring Security authorities, the same at sign-in and on every request after. */
public final class StaffAuthorities {

	private StaffAuthorities() {
	}

	public static List<GrantedAuthority> of(StaffMember member) {
		return member.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}
}
