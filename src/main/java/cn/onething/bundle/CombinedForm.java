package cn.onething.bundle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onething.shared.TypedText;

/**
 * 一张表单: the union of the bundle's item forms, each shared field asked once. The page's own checks help the
 * applicant; this class is the authority on what an application may contain.
 */
public record CombinedForm(List<FormField> fields) {

	/** The hall's clock: "not in the future" means not after today in China. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	public CombinedForm {
		fields = List.copyOf(fields);
	}

	public Optional<FormField> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}

	/** Field key → its label, for sentences that name another question. */
	public Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		fields.forEach(field -> labels.put(field.key(), field.label()));
		return labels;
	}

	/**
	 * When the applicant need not answer {@code field} because another answer serves, in plain words:
	 * "“申请人与新生儿的关系”选“父亲”时不用填写，使用“父亲姓名”的答案". Empty when no other answer serves.
	 */
	public String sameAsNote(FormField field) {
		Map<String, String> labels = labels();
		return field.sameAs().stream()
				.map(same -> "“" + labels.get(same.when().field()) + "”选“" + shown(same.when().equals())
						+ "”时不用填写，使用“" + labels.get(same.field()) + "”的答案")
				.collect(java.util.stream.Collectors.joining("；"));
	}

	private static String shown(String answer) {
		return switch (answer) {
			case "true" -> "是";
			case "false" -> "否";
			default -> answer;
		};
	}

	/**
	 * Whether the form asks {@code field} given these answers: its condition holds (always, for an unconditional
	 * field; otherwise the field it depends on is itself asked and has the expected answer) and no other field
	 * answers it ({@link #answeredBy}).
	 */
	public boolean asks(FormField field, Map<String, String> values) {
		return holds(field.when(), values) && answeredBy(field, values).isEmpty();
	}

	/** The field whose answer is also {@code field}'s in this situation ({@link FormField#sameAs}), if any. */
	public Optional<FormField> answeredBy(FormField field, Map<String, String> values) {
		if (!holds(field.when(), values)) {
			return Optional.empty();
		}
		return field.sameAs().stream().filter(same -> holds(same.when(), values))
				.map(same -> field(same.field())).flatMap(Optional::stream)
				.filter(source -> asks(source, values))
				.findFirst();
	}

	private boolean holds(Condition when, Map<String, String> values) {
		if (when == null) {
			return true;
		}
		return field(when.field())
				.filter(controller -> asks(controller, values))
				.map(controller -> when.equals().equals(answer(values, controller.key())))
				.orElse(false);
	}

	/**
	 * What an application files: the answers of the fields the form asks, trimmed, blanks dropped, and each field
	 * another one answers filled with that answer. Answers to fields not asked (the father's name after 未婚) or
	 * not on the form are not filed.
	 */
	public Map<String, String> answers(Map<String, String> values) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (FormField field : fields) {
			Optional<FormField> source = answeredBy(field, values);
			String answer = source.isPresent() ? answer(values, source.get().key())
					: asks(field, values) ? answer(values, field.key()) : "";
			if (!answer.isEmpty()) {
				answers.put(field.key(), answer);
			}
		}
		return answers;
	}

	/** Field key → what is wrong with its answer today, in Chinese; empty when the answers can be accepted. */
	public Map<String, String> validate(Map<String, String> values) {
		return validate(values, LocalDate.now(CHINA));
	}

	/**
	 * Field key → what is wrong with its answer on {@code today}, naming the field; fields the form does not ask
	 * (their condition is not met) are ignored, and so are keys that are not fields of this form, except that no
	 * answer may hold characters no keyboard types ({@link TypedText}), as every answer is stored.
	 */
	public Map<String, String> validate(Map<String, String> values, LocalDate today) {
		Map<String, String> problems = new LinkedHashMap<>();
		values.forEach((key, value) -> TypedText.problem(value)
				.ifPresent(reason -> problems.put(key, field(key).map(FormField::label).orElse(key) + reason)));
		for (FormField field : fields) {
			if (!asks(field, values) || problems.containsKey(field.key())) {
				continue;
			}
			String answer = answer(values, field.key());
			if (answer.isEmpty()) {
				if (field.required()) {
					problems.put(field.key(), missing(field));
				}
				continue;
			}
			field.rule().problem(answer, today).ifPresent(reason -> problems.put(field.key(), field.label() + reason));
		}
		return problems;
	}

	/** What the form says when a required field is left empty, in the page's words and the API's. */
	public static String missing(FormField field) {
		return switch (field.rule().type()) {
			case CHOICE, BOOLEAN, DATE -> "请选择" + field.label();
			default -> "请填写" + field.label();
		};
	}

	private static String answer(Map<String, String> values, String key) {
		String value = values.get(key);
		return value == null ? "" : value.strip();
	}
}
