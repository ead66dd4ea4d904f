package cn.onething.bundle.bundlefiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.bundle.ApprovalPlan;
import cn.onething.bundle.MaterialRef;
import cn.onething.bundle.ProducedMaterial;
import cn.onething.shared.yaml.YamlFields;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;

/**
 * Reads what the plan's steps produce ({@code plan[].produces}) and checks that the bundle never asks the applicant
 * for it: each material it stands for belongs to an item decided after the producing step (before it, the document
 * does not exist yet), and no other material of those later items looks like it (same id as the result's key, or a
 * name containing the result's name) without being listed.
 */
final class ProducedReader {

	private final Map<String, Guide> items;
	private final ApprovalPlan plan;

	ProducedReader(Map<String, Guide> items, ApprovalPlan plan) {
		this.items = items;
		this.plan = plan;
	}

	/** Each replaced material → the entry ({@code plan[i].produces[j]}) that declares it, in file order. */
	Map<MaterialRef, Declared> read(List<YamlFields> stepEntries) {
		Map<MaterialRef, Declared> declared = new LinkedHashMap<>();
		for (int i = 0; i < stepEntries.size(); i++) {
			String stepId = plan.steps().get(i).id();
			for (YamlFields entry : stepEntries.get(i).objects("produces", false)) {
				ProducedMaterial produced = produced(entry, stepId);
				produced.replaces().forEach(ref -> {
					if (declared.putIfAbsent(ref, new Declared(produced, entry)) != null) {
						entry.problem("materials", "材料 " + ref.itemCode() + "/" + ref.materialId() + " 已由另一个结果代替");
					}
				});
				if (stepId != null) {
					lookalikes(produced).forEach(ref -> entry.problem("materials", "事项“" + ref.itemCode() + "”（"
							+ items.get(ref.itemCode()).name() + "）的材料“" + name(ref) + "”（" + ref.materialId()
							+ "）由本件事的步骤“" + stepId + "”产生，仍要求申请人提交：请把它写进这里的 materials"));
				}
			}
		}
		return declared;
	}

	/** A result as declared, and where, to name it when a shared material asks for it again. */
	record Declared(ProducedMaterial produced, YamlFields entry) {
	}

	private ProducedMaterial produced(YamlFields entry, String stepId) {
		entry.onlyKeys(Set.of("key", "name", "materials"));
		String key = entry.text("key");
		if (key != null && !BundleFileReader.ID.matcher(key).matches()) {
			entry.problem("key", "产生材料的 key 应为小写英文字母、数字和“-”，实际为“" + key + "”");
		}
		List<MaterialRef> refs = new ArrayList<>();
		for (YamlFields use : entry.objects("materials", true)) {
			use.onlyKeys(Set.of("item", "material"));
			String code = use.text("item");
			String materialId = use.text("material");
			if (code == null || materialId == null) {
				continue;
			}
			Guide guide = items.get(code);
			if (guide == null) {
				use.problem("item", "事项“" + code + "”不在本一件事的 items 中");
			}
			else if (guide.materials().stream().noneMatch(m -> materialId.equals(m.id()))) {
				use.problem("material", "事项“" + code + "”（" + guide.name() + "）没有 id 为“" + materialId + "”的材料");
			}
			else if (stepId != null && !decidedAfter(code, stepId)) {
				use.problem("item", "事项“" + code + "”（" + guide.name() + "）不在步骤“" + stepId
						+ "”之后办理，办理时还没有这份材料：请让决定它的步骤依赖（dependsOn）“" + stepId + "”");
			}
			else {
				refs.add(new MaterialRef(code, materialId));
			}
		}
		return new ProducedMaterial(key, entry.text("name"), stepId, refs);
	}

	private boolean decidedAfter(String code, String stepId) {
		return plan.stepDeciding(code).map(step -> plan.follows(step.id(), stepId)).orElse(false);
	}

	/** Materials of later items that look like the result but are not listed as replaced by it. */
	private List<MaterialRef> lookalikes(ProducedMaterial produced) {
		List<MaterialRef> found = new ArrayList<>();
		for (Guide guide : items.values()) {
			if (!decidedAfter(guide.code(), produced.stepId())) {
				continue;
			}
			for (Material material : guide.materials()) {
				MaterialRef ref = new MaterialRef(guide.code(), material.id());
				boolean alike = material.id().equals(produced.key())
						|| (produced.name() != null && material.name().contains(produced.name()));
				if (alike && !produced.replaces().contains(ref)) {
					found.add(ref);
				}
			}
		}
		return found;
	}

	private String name(MaterialRef ref) {
		return items.get(ref.itemCode()).materials().stream().filter(m -> m.id().equals(ref.materialId()))
				.map(Material::name).findFirst().orElse(ref.materialId());
	}
}
