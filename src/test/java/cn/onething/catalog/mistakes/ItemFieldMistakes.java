package cn.onething.catalog.mistakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import cn.onething.catalog.mistakes.ItemFileOutline.Field;

import static cn.onething.catalog.mistakes.LineEdits.pick;
import static cn.onething.catalog.mistakes.LineEdits.word;
import static java.util.Map.entry;

/**
 * Mistakes in the content of one item file, each made on a field of the valid file and expected on that field's
 * line. The rules broken are those of guides/README.md.
 */
final class ItemFieldMistakes {

	/** Required by the format (README, `*`); a removed one is reported on the first line of its mapping. */
	private static final Set<String> REQUIRED = Set.of("code", "name", "type", "department", "serviceObjects",
			"legalBasis", "conditions", "materials", "process", "timeLimit", "visits", "fees", "windows", "contact",
			"complaint", "effectiveDate", "disclosure", "legalBasis[].law", "materials[].name", "materials[].form",
			"materials[].requirement", "materials[].source", "process[].name", "process[].description",
			"timeLimit.statutory", "timeLimit.committed", "timeLimit.kind", "fees.charged", "windows[].name",
			"windows[].address", "windows[].hours", "faq[].q", "faq[].a", "disclosure.firstLevel",
			"disclosure.secondLevel", "disclosure.content", "disclosure.basis", "disclosure.timeLimit",
			"disclosure.subject", "disclosure.channels", "disclosure.audience", "disclosure.mode", "disclosure.level");

	/** Every key the format knows, at any depth: a misspelling must be none of them to count as one. */
	private static final Set<String> FORMAT_KEYS = Set.of("code", "name", "aliases", "type", "department",
			"serviceObjects", "useLevel", "legalBasis", "law", "article", "text", "conditions", "materials", "id",
			"original", "copies", "form", "requirement", "condition", "source", "sample", "blankForm", "notes",
			"process", "description", "timeLimit", "statutory", "committed", "kind", "note", "specialProcedures",
			"limit", "visits", "visitsNote", "fees", "charged", "items", "amount", "basis", "windows", "address",
			"hours", "phone", "contact", "complaint", "faq", "q", "a", "onlineUrl", "effectiveDate", "disclosure",
			"firstLevel", "secondLevel", "content", "subject", "channels", "audience", "mode", "level");

	/** Values outside what a field allows, per field. */
	private static final Map<String, Function<Random, String>> WRONG_VALUES = Map.ofEntries(
			entry("type", r -> pick(r, List.of("行政审批", "许可", "行政确认类"))),
			entry("department", r -> "dept-" + word(r)),
			entry("visits", r -> pick(r, List.of(String.valueOf(3 + r.nextInt(7)), String.valueOf(-1 - r.nextInt(3)), "一次"))),
			entry("useLevel", r -> pick(r, List.of("1", "2", "3", "6"))),
			entry("effectiveDate", r -> pick(r, List.of("2025-13-01", "2025/01/01", "2025-02-30", "明年一月"))),
			entry("onlineUrl", r -> pick(r, List.of("zwfw.gxzf.gov.cn", "www.example.cn/banshi"))),
			entry("timeLimit.kind", r -> pick(r, List.of("即时件", "承诺", "当场办结"))),
			entry("materials[].id", r -> pick(r, List.of("Birth_Certificate", "身份证", "id card"))),
			entry("materials[].form", r -> pick(r, List.of("复印件", "纸", "电子版"))),
			entry("materials[].requirement", r -> pick(r, List.of("可选", "必须", "视情况"))),
			entry("materials[].original", r -> pick(r, List.of(String.valueOf(-1 - r.nextInt(3)), "一份"))),
			entry("materials[].copies", r -> pick(r, List.of(String.valueOf(-1 - r.nextInt(3)), "两份"))),
			entry("fees.charged", r -> pick(r, List.of("是", "yes", "否", "1"))),
			entry("disclosure.audience", r -> pick(r, List.of("全体公民", "所有人"))),
			entry("disclosure.mode", r -> pick(r, List.of("被动", "主动公开"))),
			entry("disclosure.level", r -> pick(r, List.of("省级", "市级"))));

	private static final Map<String, List<String>> WRONG_LIST_ENTRIES = Map.of(
			"disclosure.channels", List.of("微博", "电视台", "报纸", "网站"),
			"serviceObjects", List.of("个人", "公司", "外国人"));

	private ItemFieldMistakes() {
	}

	static Mistake missingRequiredField(Random random, String file, String text) {
		Field field = pick(random, fields(text).stream()
				.filter(f -> REQUIRED.contains(f.kind()) && !f.onDashLine()).toList());
		// the mapping now starts where the removed field stood if it was its first field
		int mappingLine = field.firstInMapping() ? field.line() : field.mappingLine();
		return Mistake.ofText("missing required field", "removed " + field.path(), file,
				LineEdits.remove(text, field.line(), field.lastLine()), mappingLine, field.path());
	}

	static Mistake valueOutOfRange(Random random, String file, String text) {
		Field field = pick(random, fields(text).stream()
				.filter(f -> WRONG_VALUES.containsKey(f.kind()) && f.isPlainOneLineScalar()).toList());
		return withValue("value out of range", file, text, field, WRONG_VALUES.get(field.kind()).apply(random));
	}

	/** The 12-digit basic code AA TT DD NNN SSS: length, digits, region prefix, type digits, item number. */
	static Mistake malformedBasicCode(Random random, String file, String text) {
		Field field = ItemFileOutline.of(text).field("code").orElseThrow();
		String code = field.text();
		String broken = switch (random.nextInt(5)) {
			case 0 -> wrongLength(random, code);
			case 1 -> withAt(code, random.nextInt(12), pick(random, List.of("O", "l", "o", "-")));
			case 2 -> code.substring(0, 2) + otherTwoDigits(random, code.substring(2, 4)) + code.substring(4);
			case 3 -> otherTwoDigits(random, "00", "45") + code.substring(2);
			default -> code.substring(0, 6) + "000" + code.substring(9);
		};
		return withValue("malformed basic code", file, text, field, "\"" + broken + "\"");
	}

	static Mistake timeLimitNotPositiveWholeDays(Random random, String file, String text) {
		ItemFileOutline outline = ItemFileOutline.of(text);
		Field field = pick(random, List.of(outline.field("timeLimit.statutory").orElseThrow(),
				outline.field("timeLimit.committed").orElseThrow()));
		int statutory = Integer.parseInt(LineEdits.line(text, outline.field("timeLimit.statutory").orElseThrow().line())
				.replaceAll("\\D", ""));
		String value = switch (random.nextInt(5)) {
			case 0 -> "0";
			case 1 -> "-" + (1 + random.nextInt(30));
			case 2 -> pick(random, List.of("两周", "3.5", (1 + random.nextInt(9)) + "天"));
			case 3 -> "1e" + (1 + random.nextInt(3));
			default -> null;
		};
		if (value == null) {
			// a committed limit above the statutory one (行政许可法 §42 caps what may be promised)
			field = outline.field("timeLimit.committed").orElseThrow();
			value = String.valueOf(statutory + 1 + random.nextInt(10));
		}
		return withValue("time limit not positive working days", file, text, field, value);
	}

	/**
	 * A quoted YAML escape that yields a character nobody sees ("\0", "\a", half a surrogate pair): valid YAML,
	 * but text no page, PDF or PostgreSQL jsonb column can hold.
	 */
	static Mistake invisibleCharacter(Random random, String file, String text) {
		Field field = pick(random, fields(text).stream().filter(Field::isPlainOneLineScalar).toList());
		String value = field.text();
		int at = random.nextInt(value.length() + 1);
		String escape = pick(random, List.of("\\0", "\\a", "\\x1b", "\\ud800"));
		return withValue("invisible character", file, text, field,
				"\"" + doubleQuoted(value.substring(0, at)) + escape + doubleQuoted(value.substring(at)) + "\"");
	}

	static Mistake misspeltField(Random random, String file, String text) {
		return misspelt(random, file, text, pick(random, fields(text)));
	}

	static Mistake misspelt(Random random, String file, String text, Field field) {
		String misspelt = misspelling(random, field.key());
		String line = LineEdits.line(text, field.line());
		String edited = line.substring(0, field.column()) + misspelt + line.substring(field.column() + field.key().length());
		String path = field.parentPath().isEmpty() ? misspelt : field.parentPath() + "." + misspelt;
		return Mistake.ofText("misspelt field", field.path() + " written " + misspelt, file,
				LineEdits.replace(text, field.line(), edited), field.line(), path);
	}

	static Mistake valueOutsideItsList(Random random, String file, String text) {
		Field field = pick(random, fields(text).stream()
				.filter(f -> WRONG_LIST_ENTRIES.containsKey(f.kind()) && f.isOneLineFlowList()).toList());
		List<String> entries = new ArrayList<>(field.listTexts());
		entries.set(random.nextInt(entries.size()), pick(random, WRONG_LIST_ENTRIES.get(field.kind())));
		return withValue("value outside its list", file, text, field, "[" + String.join(", ", entries) + "]");
	}

	/** A process step that uses a material the item does not define. */
	static Mistake undefinedMaterial(Random random, String file, String text) {
		ItemFileOutline outline = ItemFileOutline.of(text);
		Set<String> defined = Set.copyOf(outline.fields().stream().filter(f -> f.kind().equals("materials[].id"))
				.map(Field::text).toList());
		String undefined = pick(random, List.of("id-card", "birth-proof", word(random)))
				.transform(id -> defined.contains(id) ? "x-" + id : id);
		String step = pick(random, outline.fields().stream().map(Field::parentPath)
				.filter(p -> p.matches("process\\[\\d+]")).distinct().toList());
		var used = outline.field(step + ".materials");
		if (used.isPresent() && used.get().isOneLineFlowList()) {
			List<String> ids = new ArrayList<>(used.get().listTexts());
			if (random.nextBoolean()) {
				ids.set(random.nextInt(ids.size()), undefined);
			}
			else {
				ids.add(undefined);
			}
			return withValue("undefined material", file, text, used.get(), "[" + String.join(", ", ids) + "]");
		}
		List<Field> stepFields = outline.children(step);
		int last = stepFields.stream().mapToInt(Field::lastLine).max().orElseThrow();
		String indent = " ".repeat(stepFields.get(stepFields.size() - 1).column());
		return Mistake.ofText("undefined material", step + " uses " + undefined, file,
				LineEdits.insertAfter(text, last, List.of(indent + "materials: [" + undefined + "]")), last + 1,
				step + ".materials");
	}

	/** Two materials of one item with one id: the second is the one to rename. */
	static Mistake repeatedMaterialId(Random random, String file, String text) {
		List<Field> ids = fields(text).stream().filter(f -> f.kind().equals("materials[].id")).toList();
		int second = 1 + random.nextInt(ids.size() - 1);
		return withValue("repeated material id", file, text, ids.get(second), ids.get(random.nextInt(second)).text());
	}

	/** A special procedure (专家评审, 听证...) whose limit is not a positive number of working days. */
	static Mistake specialProcedureLimit(Random random, String file, String text) {
		if (ItemFileOutline.of(text).field("specialProcedures").isPresent()) {
			throw new IllegalStateException(file + " already has special procedures; this mistake appends them");
		}
		String limit = pick(random, List.of("0", "-" + (1 + random.nextInt(20)), "十天"));
		int end = LineEdits.lineCount(text);
		return Mistake.ofText("special procedure limit", "specialProcedures[0].limit: " + limit, file,
				LineEdits.insertAfter(text, end, List.of("specialProcedures:", "  - name: 专家评审", "    limit: " + limit)),
				end + 3, "specialProcedures[0].limit");
	}

	private static Mistake withValue(String kind, String file, String text, Field field, String value) {
		String line = LineEdits.line(text, field.line());
		String edited = line.substring(0, field.column()) + field.key() + ": " + value;
		return Mistake.ofText(kind, field.path() + ": " + value, file, LineEdits.replace(text, field.line(), edited),
				field.line(), field.path());
	}

	/** Text as it stands between double quotes in YAML, where a backslash starts an escape. */
	private static String doubleQuoted(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static List<Field> fields(String text) {
		return ItemFileOutline.of(text).fields();
	}

	private static String wrongLength(Random random, String code) {
		int length = random.nextBoolean() ? 1 + random.nextInt(11) : 13 + random.nextInt(8);
		StringBuilder digits = new StringBuilder(code);
		while (digits.length() < length) {
			digits.append(random.nextInt(10));
		}
		return digits.substring(0, length);
	}

	private static String withAt(String text, int index, String replacement) {
		return text.substring(0, index) + replacement + text.substring(index + 1);
	}

	private static String otherTwoDigits(Random random, String... not) {
		String digits;
		do {
			digits = String.format("%02d", random.nextInt(100));
		}
		while (List.of(not).contains(digits));
		return digits;
	}

	/** A slip of the keyboard: a letter dropped, doubled, swapped, replaced, or capitalised. */
	private static String misspelling(Random random, String key) {
		while (true) {
			int at = random.nextInt(key.length());
			String candidate = switch (random.nextInt(5)) {
				case 0 -> key.substring(0, at) + key.substring(at + 1);
				case 1 -> key.substring(0, at + 1) + key.charAt(at) + key.substring(at + 1);
				case 2 -> at + 1 < key.length()
						? key.substring(0, at) + key.charAt(at + 1) + key.charAt(at) + key.substring(at + 2) : key;
				case 3 -> withAt(key, at, String.valueOf((char) ('a' + random.nextInt(26))));
				default -> Character.toUpperCase(key.charAt(0)) + key.substring(1);
			};
			if (!candidate.isEmpty() && !FORMAT_KEYS.contains(candidate)) {
				return candidate;
			}
		}
	}
}
