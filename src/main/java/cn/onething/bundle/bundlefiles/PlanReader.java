package cn.onething.bundle.bundlefiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.onething.bundle.ApprovalPlan;
import cn.onething.bundle.Step;
import cn.onething.shared.yaml.YamlFields;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;

/**
 * Reads a bundle's approval plan and checks that it can be run: every step has a known department, depends only on
 * steps of the plan, the dependencies have no cycle, and every item is decided by exactly one step of the
 * department that implements it (实施主体; 行政许可法 §26 lets one department accept for all, not decide for all).
 */
final class PlanReader {

	private final Map<String, Department> departments;
	private final Map<String, Guide> items;

	PlanReader(Map<String, Department> departments, Map<String, Guide> items) {
		this.departments = departments;
		this.items = items;
	}

	ApprovalPlan read(List<YamlFields> stepEntries, List<YamlFields> itemEntries) {
		Map<String, YamlFields> entryById = new LinkedHashMap<>();
		Map<String, String> stepDeciding = new HashMap<>();
		List<Step> steps = new ArrayList<>();
		for (YamlFields entry : stepEntries) {
			entry.onlyKeys(Set.of("id", "name", "department", "items", "dependsOn", "produces"));
			String id = entry.text("id");
			if (id != null && !BundleFileReader.ID.matcher(id).matches()) {
				entry.problem("id", "步骤 id 应为小写英文字母、数字和“-”，实际为“" + id + "”");
			}
			else if (id != null && entryById.putIfAbsent(id, entry) != null) {
				entry.problem("id", "步骤 id“" + id + "”重复");
			}
			Optional<Department> department = BundleFileReader.department(entry, "department", departments);
			List<String> codes = entry.texts("items", true);
			if (codes.isEmpty() && entry.has("items")) {
				entry.problem("items", "每个审批步骤至少决定一个事项");
			}
			codes.forEach(code -> checkDecidedItem(entry, id, code, department, stepDeciding));
			steps.add(new Step(id, entry.text("name"), entry.optionalText("department"), codes, entry.texts("dependsOn", false)));
		}
		ApprovalPlan plan = new ApprovalPlan(steps);
		checkDependencies(plan, stepEntries);
		for (YamlFields item : itemEntries) {
			String code = item.optionalText("code");
			if (code != null && items.containsKey(code) && !stepDeciding.containsKey(code)) {
				item.problem("code", "事项“" + code + "”（" + items.get(code).name() + "）没有由任何审批步骤决定（请写进 plan 中某一步的 items）");
			}
		}
		return plan;
	}

	private void checkDecidedItem(YamlFields entry, String stepId, String code, Optional<Department> department,
			Map<String, String> stepDeciding) {
		Guide guide = items.get(code);
		if (guide == null) {
			entry.problem("items", "事项“" + code + "”不在本一件事的 items 中");
			return;
		}
		String earlier = stepDeciding.putIfAbsent(code, String.valueOf(stepId));
		if (earlier != null) {
			entry.problem("items", "事项“" + code + "”已由步骤“" + earlier + "”决定，每个事项只能由一个步骤决定");
		}
		if (department.isPresent() && !department.get().id().equals(guide.department().id())) {
			entry.problem("department", "事项“" + code + "”（" + guide.name() + "）的实施主体是" + guide.department().name()
					+ "（" + guide.department().id() + "），应由该部门的步骤决定");
		}
	}

	private static void checkDependencies(ApprovalPlan plan, List<YamlFields> stepEntries) {
		for (int i = 0; i < stepEntries.size(); i++) {
			Step step = plan.steps().get(i);
			for (String dependency : step.dependsOn()) {
				if (plan.step(dependency).isEmpty()) {
					stepEntries.get(i).problem("dependsOn", "依赖的步骤“" + dependency + "”不存在（plan 中没有这个 id）");
				}
			}
		}
		plan.cycle().ifPresent(cycle -> {
			int first = plan.steps().indexOf(plan.step(cycle.get(0)).orElseThrow());
			stepEntries.get(first).problem("dependsOn", "审批步骤形成循环：" + String.join(" → ", cycle) + "（→ 表示“依赖”）");
		});
	}
}
