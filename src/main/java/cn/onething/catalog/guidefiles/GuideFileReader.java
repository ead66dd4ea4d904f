package cn.onething.catalog.guidefiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Disclosure;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.ItemType;
import cn.onething.catalog.model.Material;
import cn.onething.shared.yaml.YamlFields;

/** Turns one item file into a {@link Guide}, checking every element the format in guides/README.md asks for. */
final class GuideFileReader {

	private static final Set<String> ITEM_KEYS = Set.of("code", "name", "aliases", "type", "department",
			"serviceObjects", "useLevel", "legalBasis", "conditions", "materials", "process", "timeLimit",
			"specialProcedures", "visits", "visitsNote", "fees", "windows", "contact", "complaint", "faq", "onlineUrl",
			"effectiveDate", "disclosure");
	private static final List<String> SERVICE_OBJECTS = List.of("自然人", "企业法人", "事业法人", "社会组织法人", "非法人企业",
			"行政机关", "其他组织");
	private static final List<String> MATERIAL_FORMS = List.of("纸质", "电子", "纸质或电子");
	private static final List<String> REQUIREMENTS = List.of("必要", "视情形");
	private static final List<String> ITEM_KINDS = List.of("即办件", "承诺件");
	private static final Pattern MATERIAL_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");

	private final Map<String, Department> departments;

	GuideFileReader(Map<String, Department> departments) {
		this.departments = departments;
	}

	/** The guide, or null when a required element is missing (the problems say which). */
	Guide read(YamlFields item, String domainId) {
		item.onlyKeys(ITEM_KEYS);
		ItemType type = itemType(item);
		String code = item.text("code");
		if (code != null) {
			ItemCodes.basicCodeProblem(code, type).ifPresent(message -> item.problem("code", message));
		}
		Department department = department(item);
		List<String> serviceObjects = item.texts("serviceObjects", true);
		serviceObjects.stream().filter(o -> !SERVICE_OBJECTS.contains(o)).forEach(o -> item.problem("serviceObjects",
				"“" + o + "”不是允许的服务对象，应为：" + String.join("、", SERVICE_OBJECTS)));
		List<YamlFields> materialFields = item.objects("materials", true);
		List<Material> materials = materialFields.stream().map(GuideFileReader::material).toList();
		checkMaterialIds(materialFields, materials);
		List<Guide.ProcessStep> process = item.objects("process", true).stream()
				.map(step -> processStep(step, materials)).toList();
		Guide.TimeLimit timeLimit = item.object("timeLimit", true).map(GuideFileReader::timeLimit).orElse(null);
		Integer visits = visits(item);
		String onlineUrl = item.optionalText("onlineUrl");
		if (onlineUrl != null && !WEB_ADDRESS.matcher(onlineUrl).matches()) {
			item.problem("onlineUrl", "网上办理地址应以 http:// 或 https:// 开头");
		}
		Guide guide = new Guide(code, item.text("name"), item.texts("aliases", false), type, domainId, department,
				serviceObjects, useLevel(item),
				item.objects("legalBasis", true).stream().map(GuideFileReader::legalBasis).toList(),
				item.text("conditions"), materials, process, timeLimit,
				item.objects("specialProcedures", false).stream().map(GuideFileReader::specialProcedure).toList(),
				visits == null ? 0 : visits, item.optionalText("visitsNote"),
				item.object("fees", true).map(GuideFileReader::fees).orElse(null),
				item.objects("windows", true).stream().map(GuideFileReader::window).toList(),
				item.text("contact"), item.text("complaint"),
				item.objects("faq", false).stream().map(GuideFileReader::faq).toList(),
				onlineUrl, item.date("effectiveDate"),
				item.object("disclosure", true).map(GuideFileReader::disclosure).orElse(null));
		return isComplete(guide) ? guide : null;
	}

	private static boolean isComplete(Guide guide) {
		return Objects.nonNull(guide.code()) && Objects.nonNull(guide.name()) && Objects.nonNull(guide.type())
				&& Objects.nonNull(guide.department()) && Objects.nonNull(guide.conditions())
				&& Objects.nonNull(guide.timeLimit()) && Objects.nonNull(guide.fees())
				&& Objects.nonNull(guide.contact()) && Objects.nonNull(guide.complaint())
				&& Objects.nonNull(guide.effectiveDate()) && Objects.nonNull(guide.disclosure());
	}

	private static ItemType itemType(YamlFields item) {
		String label = item.text("type");
		if (label == null) {
			return null;
		}
		return ItemType.byLabel(label).orElseGet(() -> {
			item.problem("type", "“" + label + "”不是事项类型，应为：" + String.join("、",
					java.util.Arrays.stream(ItemType.values()).map(ItemType::label).toList()));
			return null;
		});
	}

	private Department department(YamlFields item) {
		String id = item.text("department");
		if (id == null) {
			return null;
		}
		Department department = departments.get(id);
		if (department == null) {
			item.problem("department", "departments.yaml 中没有 id 为“" + id + "”的部门");
		}
		return department;
	}

	private static int useLevel(YamlFields item) {
		Integer level = item.integer("useLevel", false);
		if (level != null && level != 4 && level != 5) {
			item.problem("useLevel", "行使层级应为4（县级）或5（乡镇级）");
		}
		return level == null ? 4 : level;
	}

	private static Integer visits(YamlFields item) {
		Integer visits = item.integer("visits", true);
		if (visits != null && (visits < 0 || visits > 2)) {
			item.problem("visits", "到办事现场次数应为0、1或2");
		}
		return visits;
	}

	private static Material material(YamlFields m) {
		m.onlyKeys(Set.of("id", "name", "original", "copies", "form", "requirement", "condition", "source", "sample",
				"blankForm", "notes"));
		String id = m.text("id");
		if (id != null && !MATERIAL_ID.matcher(id).matches()) {
			m.problem("id", "材料 id 应为小写英文字母、数字和“-”，实际为“" + id + "”");
		}
		int original = nonNegative(m, "original");
		int copies = nonNegative(m, "copies");
		if (original == 0 && copies == 0) {
			m.problem("original", "原件份数和复印件份数不能都为0");
		}
		String requirement = m.oneOf("requirement", REQUIREMENTS, true);
		String condition = m.optionalText("condition");
		if ("视情形".equals(requirement) && condition == null) {
			m.problem("condition", "视情形提交的材料必须写明在什么情形下需要（condition）");
		}
		return new Material(id, m.text("name"), original, copies, m.oneOf("form", MATERIAL_FORMS, true),
				!"视情形".equals(requirement), condition, m.text("source"), m.optionalText("sample"),
				m.optionalText("blankForm"), m.optionalText("notes"));
	}

	private static int nonNegative(YamlFields fields, String key) {
		Integer value = fields.integer(key, false);
		if (value != null && value < 0) {
			fields.problem(key, "份数不能为负数");
			return 0;
		}
		return value == null ? 0 : value;
	}

	/** A repeated id is reported where it is repeated, since that is the entry the editor has to rename. */
	private static void checkMaterialIds(List<YamlFields> fields, List<Material> materials) {
		Map<String, Integer> firstEntry = new HashMap<>();
		for (int i = 0; i < materials.size(); i++) {
			String id = materials.get(i).id();
			Integer earlier = id == null ? null : firstEntry.putIfAbsent(id, i + 1);
			if (earlier != null) {
				fields.get(i).problem("id", "材料 id“" + id + "”与第" + earlier + "项重复");
			}
		}
	}

	private static Guide.ProcessStep processStep(YamlFields step, List<Material> materials) {
		step.onlyKeys(Set.of("name", "description", "materials"));
		List<String> used = step.texts("materials", false);
		for (String id : used) {
			if (materials.stream().noneMatch(m -> id.equals(m.id()))) {
				step.problem("materials", "引用了未定义的材料“" + id + "”（materials 中没有这个 id）");
			}
		}
		return new Guide.ProcessStep(step.text("name"), step.text("description"), used);
	}

	private static Guide.TimeLimit timeLimit(YamlFields limit) {
		limit.onlyKeys(Set.of("statutory", "committed", "kind", "note"));
		Integer statutory = workingDays(limit, "statutory");
		Integer committed = workingDays(limit, "committed");
		if (statutory != null && committed != null && committed > statutory) {
			limit.problem("committed", "承诺时限（" + committed + "个工作日）不能超过法定时限（" + statutory + "个工作日）");
		}
		return new Guide.TimeLimit(statutory == null ? 0 : statutory, committed == null ? 0 : committed,
				limit.oneOf("kind", ITEM_KINDS, true), limit.optionalText("note"));
	}

	private static Integer workingDays(YamlFields fields, String key) {
		Integer days = fields.integer(key, true);
		if (days != null && days <= 0) {
			fields.problem(key, "时限应为正整数个工作日，实际为" + days);
			return null;
		}
		return days;
	}

	private static Guide.LegalBasis legalBasis(YamlFields basis) {
		basis.onlyKeys(Set.of("law", "article", "text"));
		return new Guide.LegalBasis(basis.text("law"), basis.optionalText("article"), basis.optionalText("text"));
	}

	private static Guide.SpecialProcedure specialProcedure(YamlFields procedure) {
		procedure.onlyKeys(Set.of("name", "limit", "note"));
		Integer limit = workingDays(procedure, "limit");
		return new Guide.SpecialProcedure(procedure.text("name"), limit == null ? 0 : limit,
				procedure.optionalText("note"));
	}

	private static Guide.Fees fees(YamlFields fees) {
		fees.onlyKeys(Set.of("charged", "items", "basis"));
		boolean charged = Boolean.TRUE.equals(fees.bool("charged"));
		List<Guide.FeeItem> items = fees.objects("items", charged).stream().map(GuideFileReader::feeItem).toList();
		String basis = charged ? fees.text("basis") : fees.optionalText("basis");
		return new Guide.Fees(charged, items, basis);
	}

	private static Guide.FeeItem feeItem(YamlFields item) {
		item.onlyKeys(Set.of("name", "amount"));
		return new Guide.FeeItem(item.text("name"), item.text("amount"));
	}

	private static Guide.Faq faq(YamlFields faq) {
		faq.onlyKeys(Set.of("q", "a"));
		return new Guide.Faq(faq.text("q"), faq.text("a"));
	}

	private static Guide.ServiceWindow window(YamlFields window) {
		window.onlyKeys(Set.of("name", "address", "hours", "phone"));
		return new Guide.ServiceWindow(window.text("name"), window.text("address"), window.text("hours"),
				window.optionalText("phone"));
	}

	private static Disclosure disclosure(YamlFields d) {
		d.onlyKeys(Set.of("firstLevel", "secondLevel", "content", "basis", "timeLimit", "subject", "channels",
				"audience", "mode", "level"));
		List<String> channels = d.texts("channels", true);
		channels.stream().filter(c -> !Disclosure.CHANNELS.contains(c)).forEach(c -> d.problem("channels",
				"“" + c + "”不是公开渠道，应为：" + String.join("、", Disclosure.CHANNELS)));
		return new Disclosure(d.text("firstLevel"), d.text("secondLevel"), d.text("content"), d.text("basis"),
				d.text("timeLimit"), d.text("subject"), channels.stream().filter(Disclosure.CHANNELS::contains).toList(),
				d.oneOf("audience", Disclosure.AUDIENCES, true), d.oneOf("mode", Disclosure.MODES, true),
				d.oneOf("level", Disclosure.LEVELS, true));
	}
}
