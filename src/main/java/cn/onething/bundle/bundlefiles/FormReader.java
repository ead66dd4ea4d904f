package cn.onething.bundle.bundlefiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import cn.onething.bundle.CombinedForm;
import cn.onething.bundle.Condition;
import cn.onething.bundle.FieldRule;
import cn.onething.bundle.FieldType;
import cn.onething.bundle.FormField;
import cn.onething.bundle.SameAnswer;
import cn.onething.shared.yaml.YamlFields;

/**
 * Reads the form fields of every item of a bundle and merges them into one {@link CombinedForm}: a canonical key is
 * asked once. An entry with only {@code key} reuses the definition another item gives. Two definitions of the same
 * key must agree on type and rule (required may differ: the stricter wins), otherwise the editor is told both
 * places.
 */
final class FormReader {

	private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+");
	private static final Set<String> FIELD_KEYS = Set.of("key", "label", "type", "required", "hint", "maxLength",
			"pattern", "min", "max", "notFuture", "options", "when", "sameAs");
	/** Constraints that make sense for one type only. */
	private static final Map<String, FieldType> ONLY_FOR = Map.of("maxLength", FieldType.TEXT, "pattern", FieldType.TEXT,
			"min", FieldType.NUMBER, "max", FieldType.NUMBER, "notFuture", FieldType.DATE, "options", FieldType.CHOICE);
	private static final List<String> TYPE_CODES = Arrays.stream(FieldType.values()).map(FieldType::code).toList();

	/** A definition and where it stands, to name it when another one disagrees. */
	private record Placed(FormField field, YamlFields entry) {
	}

	private final Map<String, Placed> definitions = new LinkedHashMap<>();
	private final List<String> order = new ArrayList<>();
	private final List<Placed> references = new ArrayList<>();
	/** Keys with a definition, even a faulty one: a reference to it must not add a second, confusing problem. */
	private final Set<String> defined = new HashSet<>();

	CombinedForm read(List<YamlFields> itemEntries) {
		for (YamlFields item : itemEntries) {
			String code = item.optionalText("code");
			if (code == null) {
				continue; // the missing code is reported with the items; its fields belong to no item
			}
			Set<String> keysOfItem = new HashSet<>();
			for (YamlFields entry : item.objects("fields", false)) {
				entry.onlyKeys(FIELD_KEYS);
				String key = entry.text("key");
				if (key == null) {
					continue;
				}
				if (!KEY.matcher(key).matches()) {
					entry.problem("key", "字段键应写作“分组.名称”（小写英文字母开头），如 applicant.name，实际为“" + key + "”");
				}
				else if (!keysOfItem.add(key)) {
					entry.problem("key", "字段“" + key + "”在同一事项中重复");
				}
				else {
					readField(code, key, entry);
				}
			}
		}
		references.forEach(this::resolve);
		checkConditions();
		List<String> answerOrder = new ArrayList<>();
		order.forEach(key -> placeAfterItsDependencies(key, answerOrder));
		return new CombinedForm(answerOrder.stream().map(definitions::get).filter(Objects::nonNull).map(Placed::field).toList());
	}

	/**
	 * The form asks in the order of the files, except that a question comes after the questions it depends on (the
	 * one its condition reads, the ones whose answer it takes): the marriage question before the father's name, who
	 * is applying before the applicant's name. Loops are refused by {@link #checkConditions}; the guard only stops.
	 */
	private void placeAfterItsDependencies(String key, List<String> placed) {
		if (placed.contains(key)) {
			return;
		}
		placed.add(key);
		Placed definition = definitions.get(key);
		if (definition == null) {
			return;
		}
		List<String> dependencies = new ArrayList<>();
		FormField field = definition.field();
		if (field.when() != null) {
			dependencies.add(field.when().field());
		}
		field.sameAs().forEach(same -> {
			dependencies.add(same.when() == null ? null : same.when().field());
			dependencies.add(same.field());
		});
		placed.remove(key);
		dependencies.stream().filter(Objects::nonNull).filter(definitions::containsKey).forEach(d -> placeAfterItsDependencies(d, placed));
		placed.add(key);
	}

	private void readField(String code, String key, YamlFields entry) {
		if (!order.contains(key)) {
			order.add(key);
		}
		if (isReference(entry)) {
			references.add(new Placed(new FormField(key, null, null, false, null, null, List.of(code), List.of()), entry));
			return;
		}
		defined.add(key);
		FormField field = definition(code, key, entry);
		if (field == null) {
			return;
		}
		Placed earlier = definitions.get(key);
		if (earlier == null) {
			definitions.put(key, new Placed(field, entry));
			return;
		}
		Map<String, String> here = describe(field);
		Map<String, String> there = describe(earlier.field());
		Optional<String> differing = here.keySet().stream().filter(k -> !Objects.equals(here.get(k), there.get(k))).findFirst();
		if (differing.isPresent()) {
			String attribute = differing.get();
			entry.problem(attribute, "字段“" + key + "”在两个事项中的定义不一致：这里 " + attribute + " 为" + shown(here.get(attribute))
					+ "，" + place(earlier.entry()) + "（第" + earlier.entry().line("key") + "行）为" + shown(there.get(attribute)));
		}
		else {
			definitions.put(key, new Placed(earlier.field().alsoAskedBy(code, field.required()), earlier.entry()));
		}
	}

	/** {@code - key: applicant.name} alone: the field as another item of the bundle defines it. */
	private static boolean isReference(YamlFields entry) {
		return FIELD_KEYS.stream().filter(k -> !k.equals("key")).noneMatch(entry::has);
	}

	private void resolve(Placed reference) {
		String key = reference.field().key();
		Placed definition = definitions.get(key);
		if (definition == null) {
			if (!defined.contains(key)) {
				reference.entry().problem("key", "字段“" + key + "”只写了 key，但本一件事中没有它的完整定义（至少一处要写 label 和 type）");
			}
			return;
		}
		String code = reference.field().itemCodes().get(0);
		definitions.put(key, new Placed(definition.field().alsoAskedBy(code, definition.field().required()), definition.entry()));
	}

	private static FormField definition(String code, String key, YamlFields entry) {
		String label = entry.text("label");
		String typeCode = entry.oneOf("type", TYPE_CODES, true);
		FieldType type = typeCode == null ? null : FieldType.byCode(typeCode).orElseThrow();
		boolean required = !entry.has("required") || Boolean.TRUE.equals(entry.bool("required"));
		if (type == null || label == null) {
			return null;
		}
		ONLY_FOR.forEach((attribute, onlyType) -> {
			if (entry.has(attribute) && type != onlyType) {
				entry.problem(attribute, attribute + " 只适用于 " + onlyType.code() + " 类型的字段");
			}
		});
		FieldRule rule = new FieldRule(type, positive(entry, "maxLength"), pattern(entry), decimal(entry, "min"),
				decimal(entry, "max"), entry.has("notFuture") && Boolean.TRUE.equals(entry.bool("notFuture")),
				entry.texts("options", false));
		if (rule.min() != null && rule.max() != null && rule.min().compareTo(rule.max()) > 0) {
			entry.problem("min", "最小值（" + rule.min().toPlainString() + "）不能大于最大值（" + rule.max().toPlainString() + "）");
		}
		if (type == FieldType.CHOICE && rule.options().size() < 2) {
			entry.problem("options", "choice 类型的字段至少要有两个选项（options）");
		}
		if (rule.options().size() != new HashSet<>(rule.options()).size()) {
			entry.problem("options", "选项重复");
		}
		Condition when = entry.object("when", false).map(FormReader::condition).orElse(null);
		List<SameAnswer> sameAs = entry.objects("sameAs", false).stream().map(FormReader::sameAnswer).toList();
		return new FormField(key, label, entry.optionalText("hint"), required, rule, when, List.of(code), sameAs);
	}

	private static SameAnswer sameAnswer(YamlFields same) {
		same.onlyKeys(Set.of("when", "field"));
		return new SameAnswer(same.object("when", true).map(FormReader::condition).orElse(null), same.text("field"));
	}

	private static Condition condition(YamlFields when) {
		when.onlyKeys(Set.of("field", "equals"));
		return new Condition(when.text("field"), when.text("equals"));
	}

	private static Integer positive(YamlFields entry, String key) {
		Integer value = entry.integer(key, false);
		if (value != null && value <= 0) {
			entry.problem(key, "应为正整数，实际为" + value);
			return null;
		}
		return value;
	}

	private static String pattern(YamlFields entry) {
		String pattern = entry.optionalText("pattern");
		if (pattern == null) {
			return null;
		}
		try {
			Pattern.compile(pattern);
			return pattern;
		}
		catch (PatternSyntaxException e) {
			entry.problem("pattern", "正则表达式无效：" + e.getDescription());
			return null;
		}
	}

	private static BigDecimal decimal(YamlFields entry, String key) {
		String text = entry.optionalText(key);
		if (text == null) {
			return null;
		}
		if (!text.matches("-?\\d+(\\.\\d+)?")) {
			entry.problem(key, "应为数字，实际为“" + text + "”");
			return null;
		}
		return new BigDecimal(text);
	}

	/** The parts of a definition that must agree, as an editor writes them, in the order they are compared. */
	private static Map<String, String> describe(FormField field) {
		Map<String, String> parts = new LinkedHashMap<>();
		FieldRule rule = field.rule();
		parts.put("type", rule.type().code());
		parts.put("options", rule.options().isEmpty() ? null : String.join("、", rule.options()));
		parts.put("min", number(rule.min()));
		parts.put("max", number(rule.max()));
		parts.put("maxLength", rule.maxLength() == null ? null : rule.maxLength().toString());
		parts.put("pattern", rule.pattern());
		parts.put("notFuture", String.valueOf(rule.notFuture()));
		parts.put("when", field.when() == null ? null : field.when().field() + " = " + field.when().equals());
		parts.put("sameAs", field.sameAs().isEmpty() ? null : field.sameAs().stream()
				.map(same -> same.field() + (same.when() == null ? "" : "（" + same.when().field() + " = " + same.when().equals() + "）"))
				.collect(Collectors.joining("、")));
		return parts;
	}

	/** 1, 1.0 and 1.00 are the same bound. */
	private static String number(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private static String shown(String value) {
		return value == null ? "（未写）" : " " + value;
	}

	/** items[0].fields[1]: where a field entry stands, as problems name it. */
	private static String place(YamlFields entry) {
		String keyField = entry.field("key");
		return keyField.substring(0, keyField.length() - ".key".length());
	}

	/**
	 * A condition must name a choice or yes-no field of this form (so the page can say plainly when to fill it in),
	 * with an answer that field can have, and must not loop.
	 */
	private void checkConditions() {
		for (Placed placed : definitions.values()) {
			YamlFields entry = placed.entry();
			Condition when = placed.field().when();
			if (when != null && checkCondition(entry, "when", when)) {
				conditionLoop(placed.field().key()).ifPresent(loop -> entry.problem("when", "字段的填写条件形成循环：" + String.join(" → ", loop)));
			}
			placed.field().sameAs().forEach(same -> checkSameAnswer(placed.field(), entry, same));
		}
	}

	/** Whether the condition can be read; when it cannot, the problem is reported under {@code attribute}. */
	private boolean checkCondition(YamlFields entry, String attribute, Condition when) {
		if (when.field() == null || when.equals() == null) {
			return false;
		}
		Placed controller = definitions.get(when.field());
		if (controller == null) {
			entry.problem(attribute, "条件字段“" + when.field() + "”不在本一件事的表单中");
			return false;
		}
		FieldRule rule = controller.field().rule();
		if (rule.type() != FieldType.CHOICE && rule.type() != FieldType.BOOLEAN) {
			entry.problem(attribute, "字段“" + when.field() + "”不是选项或是/否字段，不能作为填写条件");
		}
		else if (rule.type() == FieldType.CHOICE && !rule.options().contains(when.equals())) {
			entry.problem(attribute, "“" + when.equals() + "”不是字段“" + when.field() + "”的选项，应为：" + String.join("、", rule.options()));
		}
		else if (rule.type() == FieldType.BOOLEAN && !Set.of("true", "false").contains(when.equals())) {
			entry.problem(attribute, "字段“" + when.field() + "”是是/否字段，条件应写 true 或 false");
		}
		else {
			return true;
		}
		return false;
	}

	/**
	 * The answer taken must be another field of the form of the same type, which takes no answer from elsewhere
	 * itself (one step, so no loop); the situation is a condition like {@code when}.
	 */
	private void checkSameAnswer(FormField field, YamlFields entry, SameAnswer same) {
		if (same.when() != null) {
			checkCondition(entry, "sameAs", same.when());
		}
		if (same.field() == null) {
			return;
		}
		Placed source = definitions.get(same.field());
		if (source == null || same.field().equals(field.key())) {
			entry.problem("sameAs", "字段“" + same.field() + "”不是本一件事表单中的另一个字段");
		}
		else if (source.field().rule().type() != field.rule().type()) {
			entry.problem("sameAs", "字段“" + same.field() + "”的类型为 " + source.field().rule().type().code() + "，与本字段的 "
					+ field.rule().type().code() + " 不同，不能直接取用它的答案");
		}
		else if (!source.field().sameAs().isEmpty()) {
			entry.problem("sameAs", "字段“" + same.field() + "”本身也取用别的字段的答案，请直接写那个字段");
		}
	}

	private Optional<List<String>> conditionLoop(String start) {
		List<String> chain = new ArrayList<>(List.of(start));
		Placed current = definitions.get(start);
		while (current != null && current.field().when() != null && current.field().when().field() != null) {
			String next = current.field().when().field();
			chain.add(next);
			if (next.equals(start)) {
				return Optional.of(chain);
			}
			if (chain.indexOf(next) < chain.size() - 1) {
				return Optional.empty();
			}
			current = definitions.get(next);
		}
		return Optional.empty();
	}
}
