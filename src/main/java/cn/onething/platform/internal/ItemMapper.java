package cn.onething.platform.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Disclosure;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.ItemType;
import cn.onething.catalog.model.Material;
import cn.onething.platform.ChangeSet;
import cn.onething.platform.GuideDiff;
import cn.onething.platform.ItemProblem;
import tools.jackson.databind.JsonNode;

/**
 * Maps one item of the platform's payload onto our {@link Guide} (docs/platform.md §2). What the platform does not
 * carry (aliases, the pilot domain, process steps, the disclosure attributes, material samples) comes from our own
 * guide of the same code when there is one; a new item takes generic ones, which the reviewer sees in the diff.
 */
public final class ItemMapper {

	static final String ITEM = "AUDIT_ITEM";

	private final CatalogSnapshot current;
	private final LocalDate today;

	ItemMapper(CatalogSnapshot current, LocalDate today) {
		this.current = current;
		this.today = today;
	}

	/** The mapped guide, or the problems that keep it from being one; never both. */
	public record Mapped(Guide guide, boolean cancelled, List<ItemProblem> problems, Set<String> unmapped,
			List<ChangeSet.Kept> kept, List<ChangeSet.Conflict> conflicts) {
	}

	Mapped map(JsonNode payloadItem, int index) {
		List<ItemProblem> problems = new ArrayList<>();
		Set<String> unmapped = new HashSet<>();
		JsonNode basic = payloadItem.get(ITEM);
		String label = "第" + (index + 1) + "项";
		if (basic == null || !basic.isObject()) {
			problems.add(new ItemProblem(label, ITEM, "", "", "缺少事项基本信息块"));
			return new Mapped(null, false, problems, unmapped, List.of(), List.of());
		}
		String code = basic.path("catalog_code").isString() ? basic.path("catalog_code").asString() : "";
		label = label + (code.isBlank() ? "" : "（" + code + "）");
		BlockFields item = new BlockFields(label, ITEM, basic, problems);
		Guide guide = guide(payloadItem, item, label, problems, unmapped);
		boolean cancelled = Optional.ofNullable(item.date("plan_cancel_date", false)).filter(d -> !d.isAfter(today)).isPresent();
		unmapped.addAll(item.unread());
		if (!problems.isEmpty()) {
			return new Mapped(null, false, problems, unmapped, List.of(), List.of());
		}
		Optional<Guide> local = current.guide(guide.code());
		return new Mapped(guide, cancelled, List.of(), unmapped, local.map(ours -> kept(ours, payloadItem)).orElse(List.of()),
				local.map(ours -> conflicts(ours, payloadItem)).orElse(List.of()));
	}

	/** What the platform does not carry and our guide does: kept, and shown to the reviewer. */
	private static List<ChangeSet.Kept> kept(Guide ours, JsonNode payloadItem) {
		List<ChangeSet.Kept> kept = new ArrayList<>();
		List<String> fields = new ArrayList<>(List.of("别名", "办理流程", "公开事项（一级）"));
		if (!hasElements(payloadItem, "AUDIT_QA")) {
			fields.add(1, "常见问题");
		}
		for (String field : fields) {
			String text = GuideDiff.text(field, ours);
			if (text != null && !text.isBlank()) {
				kept.add(new ChangeSet.Kept(ours.code(), ours.name(), field, text));
			}
		}
		return kept;
	}

	/** Our FAQ and the platform's both exist and differ: ours stays until a person settles it. */
	private static List<ChangeSet.Conflict> conflicts(Guide ours, JsonNode payloadItem) {
		List<String> questions = new ArrayList<>();
		payloadItem.path("AUDIT_QA").forEach(qa -> questions.add(qa.path("question").asString("")));
		String platform = String.join("；", questions);
		String local = GuideDiff.text("常见问题", ours);
		return hasElements(payloadItem, "AUDIT_QA") && !ours.faq().isEmpty() && !platform.equals(local)
				? List.of(new ChangeSet.Conflict(ours.code(), ours.name(), "常见问题", local, platform)) : List.of();
	}

	private static boolean hasElements(JsonNode payloadItem, String block) {
		JsonNode array = payloadItem.get(block);
		return array != null && array.isArray() && !array.isEmpty();
	}

	private Guide guide(JsonNode payloadItem, BlockFields item, String label, List<ItemProblem> problems, Set<String> unmapped) {
		String code = item.text("catalog_code", true);
		if (code != null && !code.matches("\\d{12}")) {
			item.problem("catalog_code", code, "基本编码应为12位数字");
		}
		Optional<Guide> local = Optional.ofNullable(code).flatMap(current::guide);
		String name = item.text("task_name", true);
		ItemType type = itemType(item);
		Department department = department(item);
		Integer useLevel = item.integer("use_level", true);
		if (useLevel != null && useLevel != 4 && useLevel != 5) {
			item.problem("use_level", useLevel.toString(), "本县只实施县级（4）或乡镇级（5）事项");
		}
		String taskCode = item.text("task_code", false);
		if (taskCode != null && department != null && code != null && useLevel != null
				&& !taskCode.equals(department.code() + useLevel + code)) {
			item.problem("task_code", taskCode, "实施编码应为实施主体编码＋行使层级＋基本编码");
		}
		List<String> serviceObjects = item.codes("server_type", Codes.SERVICE_OBJECTS, true);
		Guide.TimeLimit timeLimit = timeLimit(item);
		Integer visits = item.integer("limit_scene_num", true);
		if (visits != null && visits > 2) {
			item.problem("limit_scene_num", visits.toString(), "到办事现场次数应为0、1或2");
		}
		Boolean charged = item.code("is_fee", Codes.YES_NO, true);
		String domainId = local.map(Guide::domainId).orElseGet(() -> domainOf(department));
		if (domainId == null && department != null) {
			item.problem("dept_code", department.code(), "本县目录中该部门尚无事项，无法确定所属领域，请先在 guides/ 中建立");
		}
		String address = item.text("transact_addr", true);
		String hours = item.text("transact_time", true);
		Blocks blocks = new Blocks(payloadItem, label, problems, unmapped);
		List<Material> materials = blocks.list("AUDIT_MATERIAL", (fields, i) -> material(fields, i, local));
		List<Guide.LegalBasis> legalBasis = blocks.list("AUDIT_ITEM_BYLAW", (fields, i) -> new Guide.LegalBasis(
				fields.text("law_name", true), fields.text("clause_number", false), fields.text("clause_content", false)));
		List<Guide.ServiceWindow> windows = blocks.list("AUDIT_ITEM_WINDOW", (fields, i) -> new Guide.ServiceWindow(
				fields.text("window_name", true), address, hours, fields.text("window_tel", false)));
		List<Guide.SpecialProcedure> specials = blocks.list("AUDIT_ITEM_SPECIAL", (fields, i) -> new Guide.SpecialProcedure(
				fields.text("special_name", true), Optional.ofNullable(fields.integer("special_date", true)).orElse(0),
				fields.text("special_desc", false)));
		List<Guide.Faq> faq = blocks.list("AUDIT_QA", (fields, i) -> new Guide.Faq(fields.text("question", true), fields.text("answer", true)));
		List<String> conditions = blocks.list("AUDIT_ITEM_CONDITION", (fields, i) -> fields.text("condition_desc", true));
		blocks.unmappedBlock("AUDIT_ITEM_EXTEND");
		String acceptCondition = item.text("accept_condition", true);
		LocalDate effective = item.date("plan_effective_date", true);
		if (!problems.isEmpty()) {
			return null;
		}
		return new Guide(code, name, local.map(Guide::aliases).orElse(List.of()), type, domainId, department,
				serviceObjects, useLevel, legalBasis, conditions(acceptCondition, conditions), materials,
				local.map(Guide::process).orElseGet(() -> genericProcess(name)), timeLimit, specials, visits,
				item.text("limit_scene_explain", false), new Guide.Fees(charged, List.of(), item.text("fee_basis", false)),
				windows, item.text("link_way", true), item.text("supervise_way", true),
				faq.isEmpty() || local.map(g -> !g.faq().isEmpty()).orElse(false) ? local.map(Guide::faq).orElse(faq) : faq,
				item.text("link_addr", false), effective,
				local.map(Guide::disclosure).orElseGet(() -> disclosure(name, domainId, department, legalBasis)));
	}

	private static ItemType itemType(BlockFields item) {
		String code = item.text("task_type", true);
		if (code == null) {
			return null;
		}
		for (ItemType type : ItemType.values()) {
			if (type.code().equals(code)) {
				return type;
			}
		}
		item.problem("task_type", code, "未知的事项类型代码");
		return null;
	}

	private Department department(BlockFields item) {
		String code = item.text("dept_code", true);
		if (code == null) {
			return null;
		}
		Optional<Department> department = current.departments().stream().filter(d -> d.code().equals(code)).findFirst();
		if (department.isEmpty()) {
			item.problem("dept_code", code, "本县部门清单（departments.yaml）中没有这个统一社会信用代码");
		}
		return department.orElse(null);
	}

	private static Guide.TimeLimit timeLimit(BlockFields item) {
		Integer statutory = item.integer("anticipate_day", true);
		Integer committed = item.integer("promise_day", true);
		for (String unit : List.of("anticipate_type", "promise_type")) {
			String value = item.text(unit, false);
			if (value != null && !value.equals(Codes.WORKING_DAYS)) {
				item.problem(unit, value, "时限单位只支持工作日（1）");
			}
		}
		if (statutory != null && committed != null && committed > statutory) {
			item.problem("promise_day", committed.toString(), "承诺时限不能超过法定时限（" + statutory + "个工作日）");
		}
		String kind = item.code("project_type", Codes.PROJECT_TYPES, true);
		item.text("anticipate_explain", false);
		return statutory == null || committed == null ? null
				: new Guide.TimeLimit(statutory, committed, kind, item.text("promise_explain", false));
	}

	private Material material(BlockFields fields, int index, Optional<Guide> local) {
		String name = fields.text("material_name", true);
		Optional<Material> ours = local.stream().flatMap(g -> g.materials().stream()).filter(m -> m.name().equals(name)).findFirst();
		Boolean required = fields.code("is_need", Codes.REQUIRED, true);
		String explain = fields.text("source_explain", false);
		String sourceType = fields.code("source_type", Codes.MATERIAL_SOURCES, false);
		String remark = fields.text("remark", false);
		Integer original = fields.integer("original_amount", true);
		Integer copies = fields.integer("copy_amount", true);
		// bundles name materials by id: an existing material keeps ours, so merged materials stay merged
		return new Material(ours.map(Material::id).orElse("m" + (index + 1)), name, original == null ? 0 : original,
				copies == null ? 0 : copies, fields.code("material_form", Codes.MATERIAL_FORMS, true),
				Boolean.TRUE.equals(required),
				Boolean.FALSE.equals(required) ? ours.map(Material::condition).orElse(remark == null ? "视具体情形提交" : remark) : null,
				explain != null ? explain : sourceType, ours.map(Material::sample).orElse(null),
				ours.map(Material::blankForm).orElse(null), Boolean.TRUE.equals(required) ? remark : null);
	}

	private String domainOf(Department department) {
		return department == null ? null : current.guides().stream()
				.filter(g -> g.department().id().equals(department.id())).map(Guide::domainId).findFirst().orElse(null);
	}

	private static String conditions(String accept, List<String> conditions) {
		if (accept == null || conditions.isEmpty()) {
			return accept;
		}
		StringBuilder text = new StringBuilder(accept);
		for (int i = 0; i < conditions.size(); i++) {
			text.append('\n').append(i + 1).append(". ").append(conditions.get(i));
		}
		return text.toString();
	}

	/** The platform sends its flow as a chart: a new item starts with the steps every application goes through. */
	private static List<Guide.ProcessStep> genericProcess(String name) {
		return List.of(new Guide.ProcessStep("申请", "申请人到窗口或通过网上平台提交" + name + "申请。", List.of()),
				new Guide.ProcessStep("受理", "材料齐全、符合法定形式的予以受理；不齐全的一次性告知需补正的全部内容。", List.of()),
				new Guide.ProcessStep("审查决定", "实施部门审查后作出决定。", List.of()),
				new Guide.ProcessStep("办结", "送达或通知申请人领取办理结果。", List.of()));
	}

	private static Disclosure disclosure(String name, String domainId, Department department, List<Guide.LegalBasis> basis) {
		return new Disclosure(domainId, name, "办理依据、办理条件、申请材料、办理流程、办理时限、办理地点和时间、咨询和监督电话",
				String.join("", basis.stream().map(b -> "《" + b.law() + "》").distinct().toList()),
				"信息形成或者变更之日起20个工作日内", department.name(), List.of("政府网站", "政务服务中心"), "全社会", "主动", "县级");
	}

	/** The item's child blocks: arrays of objects, each read with its own {@link BlockFields}. */
	private record Blocks(JsonNode payloadItem, String label, List<ItemProblem> problems, Set<String> unmapped) {

		interface Reader<T> {
			T read(BlockFields fields, int index);
		}

		<T> List<T> list(String block, Reader<T> reader) {
			JsonNode array = payloadItem.get(block);
			if (array == null || array.isNull()) {
				return List.of();
			}
			if (!array.isArray()) {
				problems.add(new ItemProblem(label, block, "", array.toString(), "应为数组"));
				return List.of();
			}
			List<T> values = new ArrayList<>();
			for (int i = 0; i < array.size(); i++) {
				JsonNode element = array.get(i);
				if (!element.isObject()) {
					problems.add(new ItemProblem(label, block + "[" + i + "]", "", element.toString(), "应为对象"));
					continue;
				}
				BlockFields fields = new BlockFields(label, block + "[" + i + "]", element, problems);
				values.add(reader.read(fields, i));
				unmapped.addAll(fields.unread());
			}
			return values;
		}

		/** A block our guide has no place for: each of its fields is reported as not mapped. */
		void unmappedBlock(String block) {
			JsonNode node = payloadItem.get(block);
			if (node != null && node.isObject()) {
				unmapped.addAll(new BlockFields(label, block, node, problems).unread());
			}
		}
	}
}
