package cn.onething.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.bundlefiles.BundleFolderReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped 新生儿出生一件事 asks each fact once, in an order that follows the answers, and never asks for what
 * the bundle produces itself; the bundle reader refuses a file that would, naming file, line and field.
 */
class NewbornFormTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
	static final String FATHER_ID = "451421199001010016";
	static final String MOTHER_ID = "451421199203150025";

	final Bundle newborn = ShippedBundlesTests.SHIPPED.bundles().stream().map(b -> b.bundle())
			.filter(b -> b.id().equals("newborn")).findFirst().orElseThrow();
	final CombinedForm form = newborn.form();

	@Test
	void theMarriageQuestionComesBeforeTheFathersFieldsAndWhoIsApplyingBeforeTheApplicantsName() {
		List<String> keys = form.fields().stream().map(FormField::key).toList();
		assertThat(keys.indexOf("parents.married")).isLessThan(keys.indexOf("father.name"));
		assertThat(keys.indexOf("father.name")).isEqualTo(keys.indexOf("parents.married") + 1);
		assertThat(keys.indexOf("applicant.relation")).isLessThan(keys.indexOf("applicant.name"));
		assertThat(keys.indexOf("father.idNumber")).isLessThan(keys.indexOf("applicant.idNumber"));
	}

	@Test
	void aFatherWhoAppliesTypesHisNameAndIdNumberOnceAndTheyAreFiledAsTheApplicants() {
		Map<String, String> answers = answers("父亲", "true");

		assertThat(form.validate(answers, TODAY)).isEmpty();
		assertThat(form.asks(form.field("applicant.name").orElseThrow(), answers)).isFalse();
		assertThat(form.answers(answers)).contains(entry("applicant.name", "李强"), entry("applicant.idNumber", FATHER_ID),
				entry("father.name", "李强"));
	}

	@Test
	void aMotherWhoAppliesIsTheApplicantAndAnUnmarriedFathersAnswersAreNotFiled() {
		Map<String, String> answers = answers("母亲", "false");

		assertThat(form.validate(answers, TODAY)).isEmpty();
		assertThat(form.answers(answers)).contains(entry("applicant.name", "黄丽"), entry("applicant.idNumber", MOTHER_ID))
				.doesNotContainKeys("father.name", "father.idNumber");
	}

	@Test
	void anotherGuardianTypesTheirOwnNameAndIsToldWhenItIsMissing() {
		Map<String, String> answers = answers("其他监护人", "true");

		assertThat(form.validate(answers, TODAY)).containsOnly(entry("applicant.name", "请填写申请人（监护人）姓名"),
				entry("applicant.idNumber", "请填写申请人身份证号码"));
	}

	@Test
	void theFathersFieldsAreRequiredOnlyWhenTheParentsAreMarried() {
		Map<String, String> married = answers("母亲", "true");
		married.remove("father.name");
		assertThat(form.validate(married, TODAY)).containsOnly(entry("father.name", "请填写父亲姓名"));

		Map<String, String> unmarried = answers("母亲", "false");
		unmarried.remove("father.name");
		assertThat(form.validate(unmarried, TODAY)).isEmpty();
	}

	@Test
	void theApplicantIsNotAskedForTheBirthCertificateOrTheChildsHouseholdRegisterTheBundleProduces() {
		assertThat(newborn.materials()).extracting(MergedMaterial::name).noneMatch(name -> name.contains("出生医学证明")
				&& !name.contains("首次签发")).doesNotContain("参保人居民身份证或居民户口簿");
		assertThat(newborn.produced()).extracting(ProducedMaterial::name, ProducedMaterial::stepId)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("出生医学证明", "certificate"),
						org.assertj.core.groups.Tuple.tuple("新生儿的居民户口簿", "hukou"));
	}

	@Test
	void aBundleAskingTheApplicantForTheCertificateItsOwnFirstStepIssuesIsRefusedNamingTheLine(@TempDir Path folder) throws IOException {
		String asked = """
				sharedMaterials:
				  - key: birth-certificate
				    materials:
				      - {item: "000707001000", material: birth-certificate}
				      - {item: "002016430000", material: birth-certificate}
				""";
		String file = shippedNewborn().replace("sharedMaterials:\n", asked);
		int line = lineOf(file, "{item: \"000707001000\", material: birth-certificate}");

		String inTheReadme = Files.readString(Path.of("guides/bundles/README.md")).lines()
				.filter(l -> l.contains(": sharedMaterials[0].materials[0].material: ")).findFirst().orElseThrow().strip();
		assertThat(problems(folder, file)).hasSize(2).first().asString().startsWith("bundles/newborn.yaml:" + line
				+ ": sharedMaterials[0].materials[0].material: 材料 000707001000/birth-certificate 由本件事的步骤产生（plan[0].produces[0].materials")
				.isEqualTo(inTheReadme);
	}

	@Test
	void aLaterItemsMaterialThatLooksLikeTheResultMustBeListedAsProduced(@TempDir Path folder) throws IOException {
		String file = shippedNewborn().replace("          - {item: \"002040416000\", material: birth-certificate}\n", "");

		assertThat(problems(folder, file)).singleElement().asString().isEqualTo("bundles/newborn.yaml:"
				+ lineOf(file, "- {item: \"002016430000\", material: birth-certificate}") + ": plan[0].produces[0].materials: 事项“002040416000”"
				+ "（城乡居民基本医疗保险参保登记）的材料“出生医学证明”（birth-certificate）由本件事的步骤“certificate”产生，"
				+ "仍要求申请人提交：请把它写进这里的 materials");
	}

	@Test
	void aResultCannotStandForAMaterialOfAStepThatDoesNotWaitForIt(@TempDir Path folder) throws IOException {
		String file = shippedNewborn().replace("    dependsOn: [certificate]\n    produces:", "    produces:");

		assertThat(problems(folder, file)).first().asString().startsWith("bundles/newborn.yaml:"
				+ lineOf(file, "{item: \"000707001000\", material: birth-certificate}")
				+ ": plan[0].produces[0].materials[1].item: 事项“000707001000”（出生登记）不在步骤“certificate”之后办理");
	}

	@Test
	void anAnswerTakenFromAFieldOfAnotherTypeIsRefused(@TempDir Path folder) throws IOException {
		String file = shippedNewborn().replace("equals: 父亲}, field: father.name}", "equals: 父亲}, field: parents.married}");

		assertThat(problems(folder, file)).singleElement().asString().contains(": items[2].fields[1].sameAs: 字段“parents.married”的类型为 boolean");
	}

	private Map<String, String> answers(String relation, String married) {
		Map<String, String> answers = new HashMap<>(Map.of("child.name", "李小宝", "child.sex", "男",
				"child.birthDate", "2026-11-25", "child.birthPlace", "扶绥县人民医院", "mother.name", "黄丽",
				"mother.idNumber", MOTHER_ID, "parents.married", married, "applicant.relation", relation,
				"applicant.phone", "13877001234", "household.address", "扶绥县新宁镇城南路 8 号"));
		answers.putAll(Map.of("father.name", "李强", "father.idNumber", FATHER_ID, "insurance.payNow", "false",
				"card.delivery", "到窗口领取"));
		return answers;
	}

	private static String shippedNewborn() throws IOException {
		return Files.readString(Path.of("guides/bundles/newborn.yaml"));
	}

	private static List<String> problems(Path folder, String newborn) throws IOException {
		Files.createDirectories(folder.resolve("bundles"));
		Files.writeString(folder.resolve("bundles/newborn.yaml"), newborn);
		return BundleFolderReader.read(folder, BundleFixture.shippedCatalogue()).problems().stream().map(Object::toString).toList();
	}

	private static int lineOf(String file, String text) {
		List<String> lines = file.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(text);
	}
}
