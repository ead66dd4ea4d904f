package cn.onething.casework.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a case was filed under, fixed at submission: the bundle version's plan, its committed limit, whether its
 * items may end differently, the materials (key → name) and which of them are secondary enough for tolerant
 * acceptance (容缺受理), the calendar region, the working days given to correct and the working days the
 * departments have to review a correction before it counts as accepted.
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
		int correctionWorkingDays,
		Integer correctionReviewWorkingDays) {

	/**
	 * Cases stored before the review of corrections had a limit have none in their JSON and read it as this (the five
	 * days of 行政许可法 §32(4)); hence the boxed component.
	 */
	public static final int DEFAULT_CORRECTION_REVIEW_WORKING_DAYS = 5;

	public CaseTerms {
		if (correctionReviewWorkingDays == null) {
			correctionReviewWorkingDays = DEFAULT_CORRECTION_REVIEW_WORKING_DAYS;
		}
		if (correctionReviewWorkingDays <= 0) {
			throw new IllegalArgumentException("Corrections need at least one working day of review: " + correctionReviewWorkingDays);
		}
		plan = List.copyOf(plan);
		materials = Map.copyOf(materials);
		tolerableMaterials = Set.copyOf(tolerableMaterials);
	}
}
