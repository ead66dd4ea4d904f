package cn.onething.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * One question of the combined form, under a canonical key (applicant.idNumber, child.birthDate...) so that items
 * asking the same thing share one answer.
 *
 * @param hint help shown under the input; null for none
 * @param required whether an answer is needed when the field is asked
 * @param when the answer that makes this field asked; null when it is always asked
 * @param itemCodes the items whose forms ask this field, in bundle order
 * @param sameAs the situations in which another field's answer is this field's, tried in order; empty for none
 */
public record FormField(String key, String label, String hint, boolean required, FieldRule rule, Condition when,
		List<String> itemCodes, List<SameAnswer> sameAs) {

	public FormField {
		itemCodes = List.copyOf(itemCodes);
		sameAs = sameAs == null ? List.of() : List.copyOf(sameAs);
	}

	/**
	 * The same field also asked by {@code itemCode}: one answer serves both, and it is required when either item
	 * requires it.
	 */
	public FormField alsoAskedBy(String itemCode, boolean requiredThere) {
		List<String> codes = new ArrayList<>(itemCodes);
		if (!codes.contains(itemCode)) {
			codes.add(itemCode);
		}
		return new FormField(key, label, hint, required || requiredThere, rule, when, codes, sameAs);
	}
}
