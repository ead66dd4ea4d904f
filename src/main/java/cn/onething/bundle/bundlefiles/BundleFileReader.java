package cn.onething.bundle.bundlefiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.onething.bundle.ApprovalPlan;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.CombinedForm;
import cn.onething.bundle.MaterialRef;
import cn.onething.bundle.MergedMaterials;
import cn.onething.bundle.ProducedMaterial;
import cn.onething.bundle.SharedMaterial;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.shared.yaml.Problems;
import cn.onething.shared.yaml.YamlFields;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;

/** Turns one bundle file into a {@link Bundle}, checking it against the catalogue as guides/bundles/README.md says. */
final class BundleFileReader {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	private static final Set<String> BUNDLE_KEYS = Set.of("id", "name", "aliases", "description", "leadDepartment",
			"committedLimit", "partialOutcomes", "items", "sharedMaterials", "plan");

	private final CatalogSnapshot catalogue;
	private final Map<String, Department> departments = new HashMap<>();

	BundleFileReader(CatalogSnapshot catalogue) {
		this.catalogue = catalogue;
		catalogue.departments().forEach(d -> departments.put(d.id(), d));
	}

	/** The bundle, or null when the file has any problem (each one is in {@code problems}). */
	Bundle read(YamlFields file, Problems problems) {
		file.onlyKeys(BUNDLE_KEYS);
		String id = file.text("id");
		if (id != null && !ID.matcher(id).matches()) {
			file.problem("id", "一件事 id 应为小写英文字母、数字和“-”，实际为“" + id + "”");
		}
		String name = file.text("name");
		List<String> aliases = file.texts("aliases", false);
		String description = file.text("description");
		Optional<Department> lead = department(file, "leadDepartment", departments);
		Integer committedLimit = committedLimit(file);
		Boolean partialOutcomes = file.bool("partialOutcomes");
		List<YamlFields> itemEntries = file.objects("items", true);
		Map<String, Guide> guides = items(file, itemEntries);
		CombinedForm form = new FormReader().read(itemEntries);
		List<YamlFields> stepEntries = file.objects("plan", true);
		ApprovalPlan plan = new PlanReader(departments, guides).read(stepEntries, itemEntries);
		Map<MaterialRef, ProducedReader.Declared> produced = new ProducedReader(guides, plan).read(stepEntries);
		List<SharedMaterial> shared = file.objects("sharedMaterials", false).stream()
				.map(entry -> sharedMaterial(entry, guides, produced)).toList();
		checkSharedOnce(file, shared);
		if (!problems.isEmpty()) {
			return null;
		}
		List<ProducedMaterial> results = produced.values().stream().map(ProducedReader.Declared::produced).distinct().toList();
		return new Bundle(id, 0, name, aliases, description, lead.orElseThrow().id(),
				guides.values().stream().map(g -> new BundleItem(g.code(), g.name(), g.department().id(), catalogue.versionOf(g.code()))).toList(),
				form, MergedMaterials.of(List.copyOf(guides.values()), shared, results), plan, committedLimit,
				partialOutcomes, results);
	}

	/** Reads an id of departments.yaml, reporting a missing or unknown one. */
	static Optional<Department> department(YamlFields fields, String key, Map<String, Department> departments) {
		String id = fields.text(key);
		if (id == null) {
			return Optional.empty();
		}
		Department department = departments.get(id);
		if (department == null) {
			fields.problem(key, "departments.yaml 中没有 id 为“" + id + "”的部门");
		}
		return Optional.ofNullable(department);
	}

	/** 行政许可法 §42 ¶2: a bundle handled jointly takes at most 45 working days (the 15-day extension is not planned). */
	private static Integer committedLimit(YamlFields file) {
		Integer days = file.integer("committedLimit", true);
		if (days != null && days <= 0) {
			file.problem("committedLimit", "承诺时限应为正整数个工作日，实际为" + days);
		}
		else if (days != null && days > Bundle.JOINT_HANDLING_CAP) {
			file.problem("committedLimit", "联合办理的承诺时限不能超过" + Bundle.JOINT_HANDLING_CAP + "个工作日（行政许可法第四十二条），实际为" + days);
		}
		return days;
	}

	/** The bundle's items by code, in file order; each must be an item of the catalogue, and listed once. */
	private Map<String, Guide> items(YamlFields file, List<YamlFields> entries) {
		Map<String, Guide> guides = new LinkedHashMap<>();
		for (YamlFields entry : entries) {
			entry.onlyKeys(Set.of("code", "fields"));
			String code = entry.text("code");
			if (code == null) {
				continue;
			}
			Optional<Guide> guide = catalogue.guide(code);
			if (guide.isEmpty()) {
				entry.problem("code", unknownItem(code));
			}
			else if (guides.putIfAbsent(code, guide.get()) != null) {
				entry.problem("code", "事项“" + code + "”在本一件事中重复出现");
			}
		}
		if (entries.size() < 2 && file.has("items")) {
			file.problem("items", "一件事至少包含两个事项");
		}
		return guides;
	}

	private String unknownItem(String code) {
		return "办事指南目录中没有基本编码为“" + code + "”的事项";
	}

	private SharedMaterial sharedMaterial(YamlFields entry, Map<String, Guide> guides,
			Map<MaterialRef, ProducedReader.Declared> produced) {
		entry.onlyKeys(Set.of("key", "name", "materials"));
		String key = entry.text("key");
		if (key != null && !ID.matcher(key).matches()) {
			entry.problem("key", "共享材料的 key 应为小写英文字母、数字和“-”，实际为“" + key + "”");
		}
		List<YamlFields> uses = entry.objects("materials", true);
		if (uses.size() < 2 && entry.has("materials")) {
			entry.problem("materials", "共享材料至少要关联两个事项的材料");
		}
		List<MaterialRef> refs = new ArrayList<>();
		for (YamlFields use : uses) {
			use.onlyKeys(Set.of("item", "material"));
			String code = use.text("item");
			String materialId = use.text("material");
			if (code == null || materialId == null) {
				continue;
			}
			Guide guide = guides.get(code);
			if (guide == null) {
				use.problem("item", catalogue.guide(code).isPresent() ? "事项“" + code + "”不在本一件事的 items 中" : unknownItem(code));
			}
			else if (guide.materials().stream().noneMatch(m -> materialId.equals(m.id()))) {
				use.problem("material", "事项“" + code + "”（" + guide.name() + "）没有 id 为“" + materialId + "”的材料");
			}
			else if (produced.containsKey(new MaterialRef(code, materialId))) {
				YamlFields declared = produced.get(new MaterialRef(code, materialId)).entry();
				use.problem("material", "材料 " + code + "/" + materialId + " 由本件事的步骤产生（" + declared.field("materials")
						+ "，第" + declared.line("materials") + "行），不应再要求申请人提交：请从 sharedMaterials 中删去");
			}
			else {
				refs.add(new MaterialRef(code, materialId));
			}
		}
		return new SharedMaterial(key, entry.optionalText("name"), refs);
	}

	/** A document is one thing: an item's material may belong to one shared material only, and keys are unique. */
	private static void checkSharedOnce(YamlFields file, List<SharedMaterial> shared) {
		Map<MaterialRef, String> groupOf = new HashMap<>();
		Set<String> keys = new HashSet<>();
		for (SharedMaterial group : shared) {
			if (group.key() != null && !keys.add(group.key())) {
				file.problem("sharedMaterials", "共享材料 key“" + group.key() + "”重复");
			}
			for (MaterialRef ref : group.materials()) {
				String earlier = groupOf.putIfAbsent(ref, group.key());
				if (earlier != null && !earlier.equals(group.key())) {
					file.problem("sharedMaterials", "材料 " + ref.itemCode() + "/" + ref.materialId() + " 同时属于共享材料“"
							+ earlier + "”和“" + group.key() + "”");
				}
			}
		}
	}
}
