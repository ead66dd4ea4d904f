package cn.onething.casework.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a case was filed under, fixed at submission: the bundle version's plan, its committed limit, whether its
 * items may end differently, the materials (key → name) and which of them are secondary enough for tolerant
 * acceptance (容缺受理), the calendar region and the working days given to correct.
 */
public record CaseTerms(
		String bundleId,
		String bundleName,
		int bundleVersion,
		List<StepPlan> plan,
		int committedWorkingDays,
		boolean partialOutcomes,
		Map<String, String> materials,
		Set<String> tolerableMaterials,
		String regionCode,
		int correctionWorkingDays) {

	public CaseTerms {
		plan = List.copyOf(plan);
		materials = Map.copyOf(materials);
		tolerableMaterials = Set.copyOf(tolerableMaterials);
	}
}
