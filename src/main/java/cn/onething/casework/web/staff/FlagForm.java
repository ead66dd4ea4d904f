package cn.onething.casework.web.staff;

import java.util.ArrayList;
import java.util.List;

import cn.onething.casework.model.CaseTerms;
import cn.onething.casework.model.Flag;

/**
 * The materials a reviewer (or a supervisor's exception) asks the applicant to correct: checkboxes {@code material}
 * with, per chosen material, {@code problem.<key>} (missing or defective) and {@code reason.<key>}, the words the
 * applicant will read in the one-time notice.
 */
final class FlagForm {

	private FlagForm() {
	}

	static List<Flag> flags(ActionForm form, CaseTerms terms) {
		List<String> keys = form.selected("material");
		if (keys.isEmpty()) {
			form.problem("material", "请至少勾选一项需要补正的材料");
		}
		List<Flag> flags = new ArrayList<>();
		for (String key : keys) {
			String name = terms.materials().get(key);
			if (name == null) {
				form.problem("material", "本件没有“" + key + "”这项材料");
				continue;
			}
			String reason = form.required("reason." + key, "请写明“" + name + "”需要补正的原因，申请人会在一次性告知中看到");
			Flag.Problem problem = "DEFECTIVE".equals(form.text("problem." + key)) ? Flag.Problem.DEFECTIVE : Flag.Problem.MISSING;
			flags.add(new Flag(null, key, name, problem, reason));
		}
		return flags;
	}
}
