package cn.onething.identity.internal;

import java.util.List;
import java.util.stream.Stream;

import cn.onething.identity.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A member's roles as Spring Security authorities, the same at sign-in and on every request after. */
public final class StaffAuthorities {

	/**
	 * Held instead of nothing by a member signed in with a password someone else chose (a new account, a reset):
	 * the console lets them only choose their own.
	 */
	public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

	private StaffAuthorities() {
	}

	public static List<GrantedAuthority> of(StaffMember member, boolean passwordChangeRequired) {
		Stream<GrantedAuthority> roles = member.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()));
		return (passwordChangeRequired ? Stream.concat(roles, Stream.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED))) : roles)
				.toList();
	}

	public static boolean passwordChangeRequired(Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
				.anyMatch(authority -> PASSWORD_CHANGE_REQUIRED.equals(authority.getAuthority()));
	}
}
