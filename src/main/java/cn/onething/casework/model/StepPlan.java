package cn.onething.casework.model;

import java.util.List;

/**
 * One approval step of the bundle's plan as the case was filed under it.
 *
 * @param limit the step's own time limits from its items' guides; null for cases filed before steps had them, whose
 *        steps are due with the bundle
 */
public record StepPlan(String id, String name, String departmentId, List<String> itemCodes, List<String> dependsOn,
		StepLimit limit) {

	public StepPlan {
		itemCodes = List.copyOf(itemCodes);
		dependsOn = List.copyOf(dependsOn);
	}

	/** A step due with the bundle, without limits of its own. */
	public StepPlan(String id, String name, String departmentId, List<String> itemCodes, List<String> dependsOn) {
		this(id, name, departmentId, itemCodes, dependsOn, null);
	}
}
