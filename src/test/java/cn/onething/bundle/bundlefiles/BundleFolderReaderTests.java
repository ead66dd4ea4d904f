package cn.onething.bundle.bundlefiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleFixture;
import cn.onething.bundle.FieldType;
import cn.onething.bundle.FormField;
import cn.onething.shared.yaml.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.onething.bundle.BundleFixture.FILE;
import static org.assertj.core.api.Assertions.assertThat;

class BundleFolderReaderTests {

	@TempDir
	Path folder;

	BundleFixture bundles;

	@BeforeEach
	void writeValidBundle() {
		bundles = BundleFixture.retirementIn(folder);
	}

	@Test
	void aValidBundleYieldsItsItemsOneFormOneSetOfMaterialsAndItsPlan() {
		BundleFolder read = read();

		assertThat(read.problems()).isEmpty();
		Bundle bundle = read.bundles().get(0).bundle();
		assertThat(read.bundles().get(0).path()).isEqualTo(FILE);
		assertThat(bundle.id()).isEqualTo("test-retirement");
		assertThat(bundle.version()).isZero();
		assertThat(bundle.items()).extracting(i -> i.name()).containsExactly("企业职工基本养老保险退休申请", "住房公积金个人账户封存", "住房公积金退休提取");
		assertThat(bundle.items()).extracting(i -> i.departmentId()).containsExactly("human-resources", "housing-fund", "housing-fund");
		assertThat(bundle.form().fields()).extracting(FormField::key)
				.containsExactly("applicant.name", "applicant.idNumber", "retirement.date", "applicant.phone");
		FormField name = bundle.form().field("applicant.name").orElseThrow();
		assertThat(name.itemCodes()).containsExactly("000513419000", "002041420000");
		assertThat(name.rule().type()).isEqualTo(FieldType.TEXT);
		assertThat(name.rule().maxLength()).isEqualTo(30);
		assertThat(bundle.materials()).filteredOn(m -> m.key().equals("retirement-proof")).singleElement()
				.satisfies(m -> assertThat(m.items()).hasSize(2));
		assertThat(bundle.plan().steps()).extracting(s -> s.id()).containsExactly("retire", "seal", "withdraw");
		assertThat(bundle.committedLimit()).isEqualTo(15);
		assertThat(bundle.partialOutcomes()).isTrue();
	}

	@Test
	void numbersWrittenDifferentlyAreTheSameBoundAndKeepTheirWrittenForm() {
		bundles.replace("{key: applicant.phone, label: 手机号码, type: mobile, required: false}",
				"{key: applicant.phone, label: 手机号码, type: mobile, required: false}\n      - {key: fund.years, label: 缴存年限, type: number, max: 10000}")
				.replace("      - key: applicant.name\n", "      - key: applicant.name\n      - {key: fund.years, label: 缴存年限, type: number, max: 10000.0}\n");

		assertThat(problems()).isEmpty();
		assertThat(read().bundles().get(0).bundle().form().field("fund.years").orElseThrow().rule().max()).hasToString("10000.0");
	}

	@Test
	void aRequiredFieldInOneItemStaysRequiredWhenAnotherItemMakesItOptional() {
		bundles.replace("      - key: applicant.name\n", "      - {key: applicant.name, label: 姓名, type: text, maxLength: 30, required: false}\n");

		assertThat(read().problems()).isEmpty();
		assertThat(read().bundles().get(0).bundle().form().field("applicant.name").orElseThrow().required()).isTrue();
	}

	@Test
	void anItemCodeThatIsNotInTheCatalogueIsRefused() {
		bundles.replace("  - code: \"002041420000\"", "  - code: \"002041499000\"");

		assertThat(problems()).contains(FILE + ":" + bundles.lineOf("002041499000")
				+ ": items[1].code: 办事指南目录中没有基本编码为“002041499000”的事项");
	}

	@Test
	void anItemWithoutACodeIsReportedOnce() {
		bundles.replace("  - code: \"002041420000\"\n    fields:", "  - fields:");

		assertThat(problems()).contains(FILE + ":" + bundles.lineOf("  - fields:") + ": items[1].code: 缺少必填字段")
				.filteredOn(p -> p.contains("items[1].code")).hasSize(1);
	}

	@Test
	void aStepWithoutADepartmentIsRefused() {
		bundles.replace("    department: housing-fund\n    items: [\"002041420000\"]", "    items: [\"002041420000\"]");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("- id: seal") + ": plan[1].department: 缺少必填字段");
	}

	@Test
	void aStepOfAnUnknownDepartmentIsRefused() {
		bundles.replace("department: housing-fund", "department: provident-fund");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("department: provident-fund")
				+ ": plan[1].department: departments.yaml 中没有 id 为“provident-fund”的部门");
	}

	@Test
	void aStepMayDecideOnlyItemsOfItsOwnDepartment() {
		bundles.replace("department: human-resources\n    items", "department: medical-security\n    items");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("department: medical-security")
				+ ": plan[0].department: 事项“000513419000”（企业职工基本养老保险退休申请）的实施主体是扶绥县人力资源和社会保障局（human-resources），应由该部门的步骤决定");
	}

	@Test
	void aDependencyOnAStepThatDoesNotExistIsRefused() {
		bundles.replace("dependsOn: [retire]", "dependsOn: [retirement]");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("dependsOn: [retirement]")
				+ ": plan[1].dependsOn: 依赖的步骤“retirement”不存在（plan 中没有这个 id）");
	}

	@Test
	void aCycleInThePlanIsRefusedAndNamed() {
		bundles.replace("    items: [\"000513419000\"]\n", "    items: [\"000513419000\"]\n    dependsOn: [withdraw]\n");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("dependsOn: [withdraw]")
				+ ": plan[0].dependsOn: 审批步骤形成循环：retire → withdraw → seal → retire（→ 表示“依赖”）");
	}

	@Test
	void anItemThatNoStepDecidesIsRefused() {
		bundles.replace("    items: [\"002041421000\"]", "    items: [\"002041420000\"]");

		assertThat(problems()).containsExactly(
				FILE + ":" + bundles.lineOf("  - code: \"002041421000\"") + ": items[2].code: 事项“002041421000”（住房公积金退休提取）没有由任何审批步骤决定（请写进 plan 中某一步的 items）",
				FILE + ":" + (bundles.lineOf("- id: withdraw") + 3) + ": plan[2].items: 事项“002041420000”已由步骤“seal”决定，每个事项只能由一个步骤决定");
	}

	@Test
	void theCommittedLimitMustBeAPositiveWholeNumberOfWorkingDays() {
		assertThat(problemsWithLimit("两周")).containsExactly(FILE + ":5: committedLimit: 应为整数，实际为“两周”");
		assertThat(problemsWithLimit("2.5")).containsExactly(FILE + ":5: committedLimit: 应为整数，实际为“2.5”");
		assertThat(problemsWithLimit("0")).containsExactly(FILE + ":5: committedLimit: 承诺时限应为正整数个工作日，实际为0");
	}

	@Test
	void aBundleHandledJointlyMayNotPromiseMoreThanFortyFiveWorkingDays() {
		assertThat(problemsWithLimit("45")).isEmpty();
		assertThat(problemsWithLimit("46")).containsExactly(FILE + ":5: committedLimit: 联合办理的承诺时限不能超过45个工作日（行政许可法第四十二条），实际为46");
	}

	@Test
	void aSharedMaterialNamingAnItemOutsideTheCatalogueOrTheBundleIsRefused() {
		bundles.replace("{item: \"002041420000\", material: termination-proof}", "{item: \"000000000001\", material: termination-proof}");
		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("000000000001")
				+ ": sharedMaterials[0].materials[0].item: 办事指南目录中没有基本编码为“000000000001”的事项");

		bundles.replace("{item: \"000000000001\", material: termination-proof}", "{item: \"000707001000\", material: birth-certificate}");
		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("000707001000")
				+ ": sharedMaterials[0].materials[0].item: 事项“000707001000”不在本一件事的 items 中");
	}

	@Test
	void aSharedMaterialNamingAMaterialTheItemDoesNotHaveIsRefused() {
		bundles.replace("material: retirement-proof}", "material: retirement-certificate}");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("retirement-certificate")
				+ ": sharedMaterials[0].materials[1].material: 事项“002041421000”（住房公积金退休提取）没有 id 为“retirement-certificate”的材料");
	}

	@Test
	void twoItemsDefiningTheSameFieldDifferentlyAreRefusedNamingBothPlaces() {
		bundles.replace("      - key: applicant.idNumber\n", "      - {key: applicant.idNumber, label: 身份证号码, type: text}\n");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("{key: applicant.idNumber, label: 身份证号码, type: text}")
				+ ": items[2].fields[0].type: 字段“applicant.idNumber”在两个事项中的定义不一致：这里 type 为 text，items[0].fields[1]（第"
				+ bundles.lineOf("type: idNumber") + "行）为 idNumber");
	}

	@Test
	void twoItemsDefiningTheSameFieldWithDifferentRulesAreRefused() {
		bundles.replace("      - key: applicant.name\n", "      - {key: applicant.name, label: 姓名, type: text, maxLength: 20}\n");

		assertThat(problems()).singleElement().asString().endsWith(": items[1].fields[0].maxLength: 字段“applicant.name”在两个事项中的定义不一致：这里 maxLength 为 20，items[0].fields[0]（第"
				+ bundles.lineOf("maxLength: 30") + "行）为 30");
	}

	@Test
	void aFieldReusedByKeyMustBeDefinedSomewhereInTheBundle() {
		bundles.replace("      - key: applicant.name\n", "      - key: applicant.address\n");

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("key: applicant.address")
				+ ": items[1].fields[0].key: 字段“applicant.address”只写了 key，但本一件事中没有它的完整定义（至少一处要写 label 和 type）");
	}

	@Test
	void aConditionMustNameAFieldOfTheFormAndAnAnswerItCanHave() {
		bundles.replace("{key: retirement.date, label: 申请退休日期, type: date}",
				"{key: retirement.date, label: 申请退休日期, type: date, when: {field: retirement.kind, equals: 正常退休}}");
		assertThat(problems()).singleElement().asString().endsWith(": items[0].fields[2].when: 条件字段“retirement.kind”不在本一件事的表单中");

		bundles.replace("field: retirement.kind, equals: 正常退休", "field: applicant.phone, equals: 是");
		assertThat(problems()).singleElement().asString().endsWith(": items[0].fields[2].when: 字段“applicant.phone”不是选项或是/否字段，不能作为填写条件");
	}

	@Test
	void aChoiceFieldNeedsAtLeastTwoOptionsAndOptionsBelongToChoiceFieldsOnly() {
		bundles.replace("{key: retirement.date, label: 申请退休日期, type: date}", "{key: retirement.date, label: 申请退休日期, type: choice, options: [今天]}");
		assertThat(problems()).singleElement().asString().endsWith(": items[0].fields[2].options: choice 类型的字段至少要有两个选项（options）");

		bundles.replace("type: choice, options: [今天]", "type: date, options: [今天, 明天]");
		assertThat(problems()).singleElement().asString().endsWith(": items[0].fields[2].options: options 只适用于 choice 类型的字段");
	}

	@Test
	void anUnknownFieldTypeIsRefusedWithTheAllowedOnes() {
		bundles.replace("type: date}", "type: datum}");

		assertThat(problems()).singleElement().asString()
				.endsWith(": items[0].fields[2].type: “datum”不是允许的取值，应为：text、idNumber、mobile、date、number、choice、boolean");
	}

	@Test
	void twoFilesWithTheSameBundleIdAreBothNamed() {
		bundles.write("bundles/copy.yaml", BundleFixture.RETIREMENT);

		assertThat(problems()).containsExactly(FILE + ":1: id: 一件事 id“test-retirement”与 bundles/copy.yaml 重复");
	}

	@Test
	void aMisspeltFieldIsNotSilentlyIgnored() {
		bundles.replace("partialOutcomes: true", "partialOutcome: true");

		assertThat(problems()).containsExactly(FILE + ":1: partialOutcomes: 缺少必填字段",
				FILE + ":" + bundles.lineOf("partialOutcome: true") + ": partialOutcome: 未知字段（请检查拼写）");
	}

	@Test
	void aBundleOfOneItemIsNotABundle() {
		String oneItem = BundleFixture.RETIREMENT.substring(0, BundleFixture.RETIREMENT.indexOf("  - code: \"002041420000\""))
				+ "plan:\n  - {id: retire, name: 退休审批, department: human-resources, items: [\"000513419000\"]}\n";
		bundles.write(FILE, oneItem);

		assertThat(problems()).containsExactly(FILE + ":" + bundles.lineOf("  - code:") + ": items: 一件事至少包含两个事项");
	}

	@Test
	void withoutABundlesFolderThereIsNothingToReadAndNoProblem(@TempDir Path empty) {
		BundleFolder read = BundleFolderReader.read(empty, BundleFixture.shippedCatalogue());

		assertThat(read.bundles()).isEmpty();
		assertThat(read.problems()).isEmpty();
	}

	@Test
	void malformedYamlIsReportedWithItsLine() {
		bundles.replace("name: 退休一件事", "name: [退休一件事");

		assertThat(problems()).singleElement().asString().startsWith(FILE + ":").contains(": (yaml): YAML 格式错误");
	}

	@Test
	void deletingAnyOneLineOfAValidBundleYieldsProblemsNeverACrash() {
		String withConditions = BundleFixture.RETIREMENT.replace("{key: retirement.date, label: 申请退休日期, type: date}", """
				key: retirement.date
				        label: 申请退休日期
				        type: date
				        when:
				          field: retirement.early
				          equals: true
				      - key: retirement.early
				        label: 是否提前退休
				        type: boolean
				        when:
				          field: applicant.married
				          equals: true
				      - {key: applicant.married, label: 是否已婚, type: boolean}""");
		bundles.write(FILE, withConditions);
		assertThat(problems()).isEmpty();
		List<String> lines = withConditions.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			List<String> without = new ArrayList<>(lines);
			without.remove(i);
			bundles.write(FILE, String.join("\n", without) + "\n");

			assertThat(read()).as("without line " + (i + 1) + ": " + lines.get(i)).isNotNull();
		}
	}

	private List<String> problemsWithLimit(String limit) {
		bundles.write(FILE, BundleFixture.RETIREMENT.replace("committedLimit: 15", "committedLimit: " + limit));
		return problems();
	}

	private BundleFolder read() {
		return BundleFolderReader.read(folder, BundleFixture.shippedCatalogue());
	}

	private List<String> problems() {
		return read().problems().stream().map(Problem::toString).toList();
	}
}
