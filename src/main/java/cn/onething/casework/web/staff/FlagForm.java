package cn.onething.casework.web.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import cn.onething.casework.model.CaseTerms;
import cn.onething.casework.model.Flag;

/**
 * The materials a reviewer (or a supervisor's exception) asks the applicant to correct, from the console's form
 * (checkboxes {@code material} with, per chosen material, {@code problem.<key>}, missing or defective, and {@code
 * reason.<key>}, the words the applicant will read in the one-time notice) or from the staff API's list.
 */
final class FlagForm {

	/** One material asked for, as typed: its key, MISSING or DEFECTIVE (blank: MISSING), and the reason. */
	record Request(String materialKey, String problem, String reason) {
	}

	/** How the input names a request's parts ("material", "problem", "reason"), for the problems found in them. */
	interface FieldNames {
		String of(int index, Request request, String part);
	}

	private FlagForm() {
	}

	static List<Flag> flags(ActionForm form, CaseTerms terms) {
		List<Request> requests = form.selected("material").stream()
				.map(key -> new Request(key, form.text("problem." + key), form.text("reason." + key))).toList();
		if (requests.isEmpty()) {
			form.problem("material", "请至少勾选一项需要补正的材料");
		}
		return flags(requests, terms, (index, request, part) -> part.equals("material") ? part : part + "." + request.materialKey(),
				form::problem);
	}

	/** The flags asked for; each problem found goes to {@code problems} under the field's name. */
	static List<Flag> flags(List<Request> requests, CaseTerms terms, FieldNames names, BiConsumer<String, String> problems) {
		List<Flag> flags = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			Request request = requests.get(i);
			String name = request.materialKey() == null ? null : terms.materials().get(request.materialKey());
			if (name == null) {
				problems.accept(names.of(i, request, "material"), "本件没有“" + request.materialKey() + "”这项材料");
				continue;
			}
			String reason = request.reason() == null ? "" : request.reason().strip();
			if (reason.isEmpty()) {
				problems.accept(names.of(i, request, "reason"), "请写明“" + name + "”需要补正的原因，申请人会在一次性告知中看到");
			}
			Flag.Problem problem = problem(request.problem());
			if (problem == null) {
				problems.accept(names.of(i, request, "problem"), "“" + name + "”的问题应为 MISSING（缺少）或 DEFECTIVE（不符合要求）");
			}
			flags.add(new Flag(null, request.materialKey(), name, problem, reason));
		}
		return flags;
	}

	private static Flag.Problem problem(String typed) {
		if (typed == null || typed.isBlank()) {
			return Flag.Problem.MISSING;
		}
		try {
			return Flag.Problem.valueOf(typed.strip());
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}
}
