package cn.onething.bundle;

import java.util.List;

/**
 * 一套材料: one document the applicant hands in once for the whole bundle, with the strictest demand of the items
 * that ask for it.
 *
 * @param key {@code <item code>/<material id>} for a material of one item, or the shared material's key
 * @param required 必要 when any item requires it; otherwise 视情形 with {@code condition}
 * @param condition when a 视情形 material is needed (the items' conditions joined); null when required
 * @param original how many originals (the most any item asks for)
 * @param copies how many copies (the most any item asks for)
 * @param form 纸质, 电子, 纸质或电子, or 纸质和电子 when one item takes only paper and another only electronic
 * @param items the items' materials this document serves
 */
public record MergedMaterial(String key, String name, boolean required, String condition, int original, int copies,
		String form, List<MaterialRef> items) {

	public MergedMaterial {
		items = List.copyOf(items);
	}

	public String requirementLabel() {
		return required ? "必要" : "视情形";
	}
}
