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

	/**
	 * Whether the form asks {@code field} given these answers: always for an unconditional field, otherwise when
	 * the field it depends on is itself asked and has the expected answer.
	 */
	public boolean asks(FormField field, Map<String, String> values) {
		if (field.when() == null) {
			return true;
		}
		return field(field.when().field())
				.filter(controller -> asks(controller, values))
				.map(controller -> field.when().equals().equals(answer(values, controller.key())))
				.orElse(false);
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

	private static String missing(FormField field) {
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
