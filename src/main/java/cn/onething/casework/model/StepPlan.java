package cn.onething.casework.model;

import java.util.List;

/** One approval step of the bundle's plan as the case was filed under it. */
public record StepPlan(String id, String name, String departmentId, List<String> itemCodes, List<String> dependsOn) {

	public StepPlan {
		itemCodes = List.copyOf(itemCodes);
		dependsOn = List.copyOf(dependsOn);
	}
}
