package cn.onething.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CombinedFormTests {

	static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

	final CombinedForm form = new CombinedForm(List.of(
			field("applicant.name", "申请人姓名", new FieldRule(FieldType.TEXT, 4, null, null, null, false, List.of())),
			field("applicant.idNumber", "申请人身份证号码", rule(FieldType.ID_NUMBER)),
			field("applicant.phone", "申请人手机号码", rule(FieldType.MOBILE)),
			field("child.birthDate", "新生儿出生日期", new FieldRule(FieldType.DATE, null, null, null, null, true, List.of())),
			field("business.area", "经营场所面积（平方米）", new FieldRule(FieldType.NUMBER, null, null, BigDecimal.ONE, new BigDecimal("10000"), false, List.of())),
			field("card.delivery", "社会保障卡领取方式", new FieldRule(FieldType.CHOICE, null, null, null, null, false, List.of("到窗口领取", "邮寄到家"))),
			conditional("delivery.address", "邮寄地址", new Condition("card.delivery", "邮寄到家")),
			field("parents.married", "父母是否已登记结婚", rule(FieldType.BOOLEAN)),
			new FormField("bank.account", "银行卡号", null, false, new FieldRule(FieldType.TEXT, null, "\\d{12,30}", null, null, false, List.of()), null, List.of("A"), List.of())));

	@Test
	void aCompleteFormHasNoProblem() {
		assertThat(form.validate(valid(), TODAY)).isEmpty();
	}

	@Test
	void everyMissingRequiredAnswerIsNamedAtOnce() {
		assertThat(form.validate(Map.of(), TODAY)).containsExactly(
				entry("applicant.name", "请填写申请人姓名"),
				entry("applicant.idNumber", "请填写申请人身份证号码"),
				entry("applicant.phone", "请填写申请人手机号码"),
				entry("child.birthDate", "请选择新生儿出生日期"),
				entry("business.area", "请填写经营场所面积（平方米）"),
				entry("card.delivery", "请选择社会保障卡领取方式"),
				entry("parents.married", "请选择父母是否已登记结婚"));
	}

	@Test
	void aWrongCheckDigitIsToldAsTheIdNumberOfTheApplicant() {
		assertThat(form.validate(with("applicant.idNumber", "451421198503120043"), TODAY))
				.containsExactly(entry("applicant.idNumber", "申请人身份证号码校验位不正确：有数字输错了，请对照身份证逐位核对"));
	}

	@Test
	void eachRuleBrokenIsExplainedInChineseWithTheFieldsLabel() {
		Map<String, String> values = valid();
		values.put("applicant.name", "欧阳小明同学");
		values.put("applicant.phone", "12912345678");
		values.put("child.birthDate", "2025-06-02");
		values.put("business.area", "0.5");
		values.put("card.delivery", "快递");
		values.put("parents.married", "yes");
		values.put("bank.account", "6222-0000");

		assertThat(form.validate(values, TODAY)).containsExactly(
				entry("applicant.name", "申请人姓名不能超过4个字"),
				entry("applicant.phone", "申请人手机号码应为11位手机号码（以1开头）"),
				entry("child.birthDate", "新生儿出生日期不能晚于今天"),
				entry("business.area", "经营场所面积（平方米）不能小于1"),
				entry("card.delivery", "社会保障卡领取方式应为以下之一：到窗口领取、邮寄到家"),
				entry("parents.married", "父母是否已登记结婚应选择“是”或“否”"),
				entry("bank.account", "银行卡号格式不正确"));
	}

	@Test
	void aDateOrNumberThatIsNotOneIsRefused() {
		Map<String, String> values = valid();
		values.put("child.birthDate", "2025-02-30");
		values.put("business.area", "十五");

		assertThat(form.validate(values, TODAY)).containsExactly(
				entry("child.birthDate", "新生儿出生日期应为有效日期，写作“年-月-日”，如2025-03-01"),
				entry("business.area", "经营场所面积（平方米）应为数字"));
	}

	@Test
	void aHiddenConditionalFieldIsIgnoredEvenWhenItsAnswerIsWrong() {
		Map<String, String> values = valid();
		values.put("delivery.address", "x".repeat(500));

		assertThat(form.validate(values, TODAY)).isEmpty();
		assertThat(form.asks(form.field("delivery.address").orElseThrow(), values)).isFalse();
	}

	@Test
	void aConditionalFieldIsRequiredOnceItsConditionHolds() {
		Map<String, String> values = with("card.delivery", "邮寄到家");

		assertThat(form.validate(values, TODAY)).containsExactly(entry("delivery.address", "请填写邮寄地址"));
		values.put("delivery.address", "扶绥县新宁镇龙头大道1号");
		assertThat(form.validate(values, TODAY)).isEmpty();
	}

	@Test
	void aFieldHangingOnAHiddenFieldIsHiddenToo() {
		CombinedForm chained = new CombinedForm(List.of(
				field("parents.married", "父母是否已登记结婚", rule(FieldType.BOOLEAN)),
				new FormField("father.known", "是否填写父亲信息", null, true, rule(FieldType.BOOLEAN), new Condition("parents.married", "false"), List.of("A"), List.of()),
				conditional("father.name", "父亲姓名", new Condition("father.known", "true"))));

		assertThat(chained.validate(Map.of("parents.married", "true", "father.known", "true"), TODAY)).isEmpty();
		assertThat(chained.validate(Map.of("parents.married", "false", "father.known", "true"), TODAY))
				.containsExactly(entry("father.name", "请填写父亲姓名"));
	}

	@Test
	void answersAreTrimmedAndUnknownKeysIgnored() {
		Map<String, String> values = valid();
		values.put("applicant.phone", " 13907711234 ");
		values.put("not.a.field", "anything");

		assertThat(form.validate(values, TODAY)).isEmpty();
	}

	private static Map<String, String> valid() {
		Map<String, String> values = new HashMap<>();
		values.put("applicant.name", "黄小明");
		values.put("applicant.idNumber", "11010519491231002X");
		values.put("applicant.phone", "13907711234");
		values.put("child.birthDate", "2025-06-01");
		values.put("business.area", "85.5");
		values.put("card.delivery", "到窗口领取");
		values.put("parents.married", "true");
		return values;
	}

	private static Map<String, String> with(String key, String value) {
		Map<String, String> values = valid();
		values.put(key, value);
		return values;
	}

	private static FieldRule rule(FieldType type) {
		return new FieldRule(type, null, null, null, null, false, List.of());
	}

	private static FormField field(String key, String label, FieldRule rule) {
		return new FormField(key, label, null, true, rule, null, List.of("A"), List.of());
	}

	private static FormField conditional(String key, String label, Condition when) {
		return new FormField(key, label, null, true, rule(FieldType.TEXT), when, List.of("A"), List.of());
	}
}
