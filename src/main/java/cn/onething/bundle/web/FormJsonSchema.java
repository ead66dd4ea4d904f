package cn.onething.bundle.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.CombinedForm;
import cn.onething.bundle.Condition;
import cn.onething.bundle.FieldRule;
import cn.onething.bundle.FieldType;
import cn.onething.bundle.FormField;
import cn.onething.bundle.ResidentIdNumber;

/**
 * The combined form as a JSON Schema (draft 2020-12) for systems that file applications by API: one property per
 * canonical key, its type, pattern, enum or date format, what is always required, and each conditional field as
 * an {@code if/then} that requires it only when its condition (and its controller's) holds. The server still
 * validates with {@link CombinedForm#validate}, which also knows rules a schema cannot say (check digits, "not
 * after today").
 * <p>
 * The applicant's page checks answers as they are typed from this same schema, so each property also carries, under
 * {@code x-} keywords standard validators ignore, what the server checks beyond the standard ones and the server's
 * own words for each refusal: {@code x-messages} (reason → message, with the label), {@code x-required},
 * {@code x-when}, {@code x-sameAs}, {@code x-check: residentIdNumber} with {@code x-provinces}, and
 * {@code x-notAfterToday}.
 */
final class FormJsonSchema {

	static final String ID_NUMBER_PATTERN = "\\d{17}[\\dXx]";

	private FormJsonSchema() {
	}

	static Map<String, Object> of(Bundle bundle, String schemaId) {
		CombinedForm form = bundle.form();
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		schema.put("$id", schemaId);
		schema.put("title", bundle.name() + "申请表");
		schema.put("description", "一张表单：各事项共用的字段只填一次。第 " + bundle.version() + " 版。");
		schema.put("type", "object");
		Map<String, Object> properties = new LinkedHashMap<>();
		form.fields().forEach(field -> properties.put(field.key(), property(field)));
		schema.put("properties", properties);
		schema.put("required", form.fields().stream().filter(f -> f.required() && f.when() == null && f.sameAs().isEmpty())
				.map(FormField::key).toList());
		List<Map<String, Object>> conditionals = form.fields().stream()
				.filter(f -> f.required() && (f.when() != null || !f.sameAs().isEmpty()))
				.map(f -> conditional(form, f))
				.toList();
		if (!conditionals.isEmpty()) {
			schema.put("allOf", conditionals);
		}
		schema.put("additionalProperties", false);
		return schema;
	}

	private static Map<String, Object> property(FormField field) {
		FieldRule rule = field.rule();
		Map<String, Object> property = new LinkedHashMap<>();
		property.put("title", field.label());
		if (field.hint() != null) {
			property.put("description", field.hint());
		}
		switch (rule.type()) {
			case TEXT -> {
				property.put("type", "string");
				property.put("minLength", 1);
				if (rule.maxLength() != null) {
					property.put("maxLength", rule.maxLength());
				}
				if (rule.pattern() != null) {
					property.put("pattern", anchored(rule.pattern()));
				}
			}
			case ID_NUMBER -> {
				property.put("type", "string");
				property.put("pattern", anchored(ID_NUMBER_PATTERN));
			}
			case MOBILE -> {
				property.put("type", "string");
				property.put("pattern", anchored(FieldRule.MOBILE_PATTERN));
			}
			case DATE -> {
				property.put("type", "string");
				property.put("format", "date");
			}
			case NUMBER -> {
				property.put("type", "number");
				if (rule.min() != null) {
					property.put("minimum", rule.min());
				}
				if (rule.max() != null) {
					property.put("maximum", rule.max());
				}
			}
			case CHOICE -> {
				property.put("type", "string");
				property.put("enum", rule.options());
			}
			case BOOLEAN -> property.put("type", "boolean");
		}
		return withPageRules(field, property);
	}

	private static Map<String, Object> withPageRules(FormField field, Map<String, Object> property) {
		Map<String, String> messages = new LinkedHashMap<>();
		messages.put("required", CombinedForm.missing(field));
		field.rule().messages().forEach((reason, message) -> messages.put(reason, field.label() + message));
		property.put("x-messages", messages);
		property.put("x-required", field.required());
		if (field.when() != null) {
			property.put("x-when", condition(field.when()));
		}
		if (!field.sameAs().isEmpty()) {
			property.put("x-sameAs", field.sameAs().stream()
					.map(same -> Map.of("when", condition(same.when()), "field", same.field())).toList());
		}
		if (field.rule().type() == FieldType.ID_NUMBER) {
			property.put("x-check", "residentIdNumber");
			property.put("x-provinces", ResidentIdNumber.provinces().stream().sorted().toList());
		}
		if (field.rule().notFuture()) {
			property.put("x-notAfterToday", true);
		}
		return property;
	}

	private static Map<String, String> condition(Condition when) {
		return Map.of("field", when.field(), "equals", when.equals());
	}

	/** JSON Schema patterns match anywhere in the text; form rules match the whole answer. */
	private static String anchored(String pattern) {
		return "^(?:" + pattern + ")$";
	}

	/**
	 * if the field's condition holds (and that of every field it hangs on), and no situation holds in which another
	 * field answers it, then the field is required.
	 */
	private static Map<String, Object> conditional(CombinedForm form, FormField field) {
		List<Map<String, Object>> parts = new ArrayList<>();
		if (field.when() != null) {
			parts.add(whenChain(form, field));
		}
		if (!field.sameAs().isEmpty()) {
			parts.add(Map.of("not", Map.of("anyOf", field.sameAs().stream()
					.map(same -> holding(form.field(same.when().field()).orElseThrow(), same.when())).toList())));
		}
		Map<String, Object> conditional = new LinkedHashMap<>();
		conditional.put("if", parts.size() == 1 ? parts.get(0) : Map.of("allOf", parts));
		conditional.put("then", Map.of("required", List.of(field.key())));
		return conditional;
	}

	private static Map<String, Object> whenChain(CombinedForm form, FormField field) {
		Map<String, Object> constants = new LinkedHashMap<>();
		List<String> controllers = new ArrayList<>();
		FormField current = field;
		while (current.when() != null && !controllers.contains(current.when().field())) {
			FormField controller = form.field(current.when().field()).orElseThrow();
			constants.put(controller.key(), Map.of("const", typed(controller, current.when().equals())));
			controllers.add(controller.key());
			current = controller;
		}
		Map<String, Object> condition = new LinkedHashMap<>();
		condition.put("properties", constants);
		condition.put("required", controllers);
		return condition;
	}

	private static Map<String, Object> holding(FormField controller, Condition when) {
		return Map.of("properties", Map.of(controller.key(), Map.of("const", typed(controller, when.equals()))),
				"required", List.of(controller.key()));
	}

	private static Object typed(FormField controller, String answer) {
		return controller.rule().type() == FieldType.BOOLEAN ? Boolean.valueOf(answer) : answer;
	}
}
