package cn.onething.village;

import java.util.List;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;

/**
 * Which committees a staff member acts for, from the place their account names (docs/village.md §5): a committee
 * ({@code xinning/chengdong}) covers itself, a township ({@code xinning}) every committee of it. Only members of
 * {@link StaffRole#DISCLOSURE} with a place publish; a member without a place (the county's disclosure staff, the
 * guide publisher) publishes for nobody and oversees the whole county.
 */
public record Jurisdiction(String place, boolean publishes) {

	public static Jurisdiction of(StaffMember member) {
		return new Jurisdiction(member.place(), member.has(StaffRole.DISCLOSURE) && member.place() != null);
	}

	/** Whether the member may publish for the committee. */
	public boolean mayPublishFor(Committee committee) {
		return publishes && covers(committee);
	}

	/** Whether the member sees the committee's supervision and overrides: the whole county without a place. */
	public boolean covers(Committee committee) {
		return covers(committee.townshipId(), committee.id());
	}

	public boolean covers(String townshipId, String committeeId) {
		return place == null || place.equals(townshipId) || place.equals(townshipId + "/" + committeeId);
	}

	/** The committees the member publishes for, by township; townships with none are left out. */
	public List<Township> publishableIn(Places places) {
		if (!publishes) {
			return List.of();
		}
		return places.townships().stream()
				.map(township -> new Township(township.id(), township.name(), township.contact(),
						township.committees().stream().filter(this::covers).toList()))
				.filter(township -> !township.committees().isEmpty())
				.toList();
	}

	/** The townships whose supervision the member sees. */
	public List<Township> overseenIn(Places places) {
		return places.townships().stream().filter(township -> township.committees().stream().anyMatch(this::covers)).toList();
	}
}
