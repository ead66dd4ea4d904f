package cn.onething.bundle;

import java.util.List;
import java.util.Optional;

/**
 * 一件事: several items the applicant applies for at once, with one combined form, one merged list of materials
 * and an approval plan. One department leads it: it accepts the application and delivers the decisions for all
 * (行政许可法 §26).
 *
 * @param version the stored version (1, 2...); 0 for a bundle read from a file and not stored yet
 * @param leadDepartmentId 牵头部门, an id of departments.yaml
 * @param committedLimit 承诺时限 of the whole bundle, in working days; at most 45 for joint handling (§42)
 * @param partialOutcomes whether the items may end differently (one refused, others approved); when false, a
 *        refusal of any item ends the whole bundle
 * @param produced the documents the bundle's own steps produce, which the applicant is not asked for (免提交)
 */
public record Bundle(String id, int version, String name, List<String> aliases, String description,
		String leadDepartmentId, List<BundleItem> items, CombinedForm form, List<MergedMaterial> materials,
		ApprovalPlan plan, int committedLimit, boolean partialOutcomes, List<ProducedMaterial> produced) {

	/** 行政许可法 §42 ¶2: handled jointly, at most 45 days (working days, §82); the extension is casework's. */
	public static final int JOINT_HANDLING_CAP = 45;

	public Bundle {
		aliases = List.copyOf(aliases);
		items = List.copyOf(items);
		materials = List.copyOf(materials);
		produced = produced == null ? List.of() : List.copyOf(produced);
	}

	public Bundle withVersion(int version) {
		return new Bundle(id, version, name, aliases, description, leadDepartmentId, items, form, materials, plan,
				committedLimit, partialOutcomes, produced);
	}

	public Optional<BundleItem> item(String code) {
		return items.stream().filter(i -> i.code().equals(code)).findFirst();
	}
}
