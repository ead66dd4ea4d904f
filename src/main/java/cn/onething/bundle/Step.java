package cn.onething.bundle;

import java.util.List;

/**
 * One approval step of a bundle's plan: a department decides some of the bundle's items once the steps it depends
 * on are approved. Steps without a dependency between them run in parallel (并联), dependent ones in series (串联).
 */
public record Step(String id, String name, String departmentId, List<String> itemCodes, List<String> dependsOn) {

	public Step {
		itemCodes = List.copyOf(itemCodes);
		dependsOn = List.copyOf(dependsOn);
	}
}
