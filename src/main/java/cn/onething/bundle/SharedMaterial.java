package cn.onething.bundle;

import java.util.List;

/**
 * A document that several items of a bundle ask for, as a content editor declares it: the applicant hands it in
 * once.
 *
 * @param key stable id of the merged material within the bundle
 * @param name the name shown to the applicant; null to use the first item's name for it
 * @param materials the items' materials that are this same document
 */
public record SharedMaterial(String key, String name, List<MaterialRef> materials) {

	public SharedMaterial {
		materials = List.copyOf(materials);
	}
}
