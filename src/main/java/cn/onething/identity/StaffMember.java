package cn.onething.identity;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A signed-in staff member as the console sees them; as a {@link Principal} named by the username, so Spring
 * Security's {@code Authentication.getName()} is the username too.
 *
 * @param departmentId an id of guides/departments.yaml; null for hall staff who belong to no approving department
 * @param place the township ({@code xinning}) or committee ({@code xinning/chengdong}) of guides/places/ a village
 *        or township member works for, as {@link StaffPlaces} names them; null for county and hall staff. Identity
 *        keeps it as a code: what it covers is the village module's rule (docs/village.md §5)
 */
public record StaffMember(String username, String displayName, String departmentId, Set<StaffRole> roles, String place)
		implements Principal {

	public StaffMember {
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(displayName, "displayName");
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("staff member " + username + " needs at least one role");
		}
		roles = Set.copyOf(EnumSet.copyOf(roles));
		if (roles.contains(StaffRole.REVIEWER) && (departmentId == null || departmentId.isBlank())) {
			throw new IllegalArgumentException("reviewer " + username + " needs a department");
		}
		place = place == null || place.isBlank() ? null : place.strip();
	}

	/** A member of no township or committee. */
	public StaffMember(String username, String displayName, String departmentId, Set<StaffRole> roles) {
		this(username, displayName, departmentId, roles, null);
	}

	@Override
	public String getName() {
		return username;
	}

	public boolean has(StaffRole role) {
		return roles.contains(role);
	}

	/** Whether this member reviews for the department: a reviewer decides only their own department's steps. */
	public boolean reviewsFor(String department) {
		return has(StaffRole.REVIEWER) && department != null && department.equals(departmentId);
	}

	/** The roles in Chinese, in a fixed order: 部门审查、主管. */
	public String roleLabels() {
		return EnumSet.copyOf(roles).stream().map(StaffRole::label).collect(Collectors.joining("、"));
	}
}
