package cn.onething.bundle.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.ApprovalPlan;
import cn.onething.bundle.Bundle;
import cn.onething.bundle.CombinedForm;
import cn.onething.bundle.Condition;
import cn.onething.bundle.FieldRule;
import cn.onething.bundle.FieldType;
import cn.onething.bundle.FormField;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormJsonSchemaTests {

	final Bundle bundle = new Bundle("newborn", 3, "新生儿出生一件事", List.of(), "", "health", List.of(),
			new CombinedForm(List.of(
					field("applicant.idNumber", FieldType.ID_NUMBER, true, null),
					field("applicant.phone", FieldType.MOBILE, true, null),
					field("child.birthDate", FieldType.DATE, true, null),
					new FormField("business.area", "面积", "平方米", false,
							new FieldRule(FieldType.NUMBER, null, null, BigDecimal.ONE, new BigDecimal("10000"), false, List.of()), null, List.of("A"), List.of()),
					new FormField("card.delivery", "领取方式", null, true,
							new FieldRule(FieldType.CHOICE, null, null, null, null, false, List.of("到窗口领取", "邮寄到家")), null, List.of("A"), List.of()),
					field("delivery.address", FieldType.TEXT, true, new Condition("card.delivery", "邮寄到家")),
					field("parents.married", FieldType.BOOLEAN, true, null),
					field("father.name", FieldType.TEXT, true, new Condition("parents.married", "true")),
					field("father.nickname", FieldType.TEXT, false, new Condition("parents.married", "true")))),
			List.of(), new ApprovalPlan(List.of()), 15, true, List.of());

	final Map<String, Object> schema = FormJsonSchema.of(bundle, "https://zwfw.example.cn/api/bundles/newborn/form-schema");

	@Test
	void theSchemaIsADraft2020ObjectOfTheCanonicalKeys() {
		assertThat(schema).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
				.containsEntry("$id", "https://zwfw.example.cn/api/bundles/newborn/form-schema")
				.containsEntry("type", "object").containsEntry("additionalProperties", false)
				.containsEntry("title", "新生儿出生一件事申请表");
		assertThat(properties().keySet()).containsExactly("applicant.idNumber", "applicant.phone", "child.birthDate",
				"business.area", "card.delivery", "delivery.address", "parents.married", "father.name", "father.nickname");
	}

	@Test
	void eachTypeBecomesItsJsonSchemaKeywords() {
		assertThat(property("applicant.idNumber")).containsEntry("type", "string").containsEntry("pattern", "^(?:\\d{17}[\\dXx])$");
		assertThat(property("applicant.phone")).containsEntry("pattern", "^(?:1[3-9]\\d{9})$");
		assertThat(property("child.birthDate")).containsEntry("type", "string").containsEntry("format", "date");
		assertThat(property("business.area")).containsEntry("type", "number").containsEntry("minimum", BigDecimal.ONE)
				.containsEntry("maximum", new BigDecimal("10000")).containsEntry("description", "平方米");
		assertThat(property("card.delivery")).containsEntry("enum", List.of("到窗口领取", "邮寄到家"));
		assertThat(property("parents.married")).containsEntry("type", "boolean");
	}

	@Test
	void onlyUnconditionalRequiredFieldsAreAlwaysRequired() {
		assertThat(schema.get("required")).isEqualTo(List.of("applicant.idNumber", "applicant.phone", "child.birthDate",
				"card.delivery", "parents.married"));
	}

	@Test
	void aRequiredConditionalFieldIsRequiredThroughIfThenWithTheControllersTypedValue() {
		assertThat(schema.get("allOf")).isEqualTo(List.of(
				Map.of("if", Map.of("properties", Map.of("card.delivery", Map.of("const", "邮寄到家")), "required", List.of("card.delivery")),
						"then", Map.of("required", List.of("delivery.address"))),
				Map.of("if", Map.of("properties", Map.of("parents.married", Map.of("const", true)), "required", List.of("parents.married")),
						"then", Map.of("required", List.of("father.name")))));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> properties() {
		return (Map<String, Object>) schema.get("properties");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> property(String key) {
		return (Map<String, Object>) properties().get(key);
	}

	private static FormField field(String key, FieldType type, boolean required, Condition when) {
		return new FormField(key, key, null, required, new FieldRule(type, null, null, null, null, false, List.of()), when, List.of("A"), List.of());
	}
}
