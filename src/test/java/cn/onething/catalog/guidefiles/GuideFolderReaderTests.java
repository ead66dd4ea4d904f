package cn.onething.catalog.guidefiles;

import java.nio.file.Path;
import java.util.List;

import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.ItemType;
import cn.onething.shared.yaml.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.onething.catalog.GuideFolderFixture.BIRTH;
import static cn.onething.catalog.GuideFolderFixture.MINIMUM_LIVING;
import static org.assertj.core.api.Assertions.assertThat;

class GuideFolderReaderTests {

	@TempDir
	Path folder;

	GuideFolderFixture guides;

	@BeforeEach
	void copyValidFolder() {
		guides = GuideFolderFixture.copyInto(folder);
	}

	@Test
	void aValidFolderYieldsEveryGuideWithItsNationalElements() {
		GuideFolder read = GuideFolderReader.read(folder);

		assertThat(read.problems()).isEmpty();
		assertThat(read.domains()).hasSize(2);
		assertThat(read.guides()).extracting(g -> g.guide().name()).containsExactly("出生登记", "最低生活保障审核确认");
		Guide birth = read.guides().get(0).guide();
		assertThat(birth.type()).isEqualTo(ItemType.CONFIRMATION);
		assertThat(birth.implementationCode()).isEqualTo("11451421MB5912463H" + "4" + "000707001000").hasSize(31);
		assertThat(birth.materials()).hasSize(5);
		assertThat(birth.materials().get(3).required()).isFalse();
		assertThat(birth.materials().get(3).condition()).contains("父母已登记结婚");
		assertThat(birth.timeLimit().statutory()).isEqualTo(20);
		assertThat(birth.windows().get(0).hours()).contains("9:00");
		assertThat(read.guides().get(0).path()).isEqualTo(BIRTH);
	}

	@Test
	void aFolderThatIsNotADomainIsReportedOnTheFile() {
		guides.write("no-such-domain/item.yaml", guides.read(BIRTH).replace("000707001000", "000707002000"));

		assertThat(problems()).contains("no-such-domain/item.yaml:1: domain: 目录“no-such-domain”不是 domains.yaml 中的领域 id");
	}

	@Test
	void aBasicCodeOfTheWrongLengthNamesTheLineAndField() {
		guides.replace(BIRTH, "code: \"000707001000\"", "code: \"00070700100\"");

		assertThat(problems()).contains(BIRTH + ":1: code: 基本编码应为12位数字（写在引号中），实际为“00070700100”");
	}

	@Test
	void theTypeDigitsOfTheBasicCodeMustAgreeWithTheItemType() {
		guides.replace(BIRTH, "type: 行政确认", "type: 行政许可");

		assertThat(problems()).contains(BIRTH + ":1: code: 基本编码第3-4位是事项类型代码，行政许可应为01，实际为07");
	}

	@Test
	void aDepartmentCreditCodeWithAWrongCheckDigitIsRefused() {
		guides.replace("departments.yaml", "11451421MB5912463H", "11451421MB5912463J");

		assertThat(problems()).anyMatch(p -> p.startsWith("departments.yaml:1: code: 统一社会信用代码校验位错误"));
	}

	@Test
	void aMissingRequiredElementIsNamed() {
		guides.replace(MINIMUM_LIVING, "complaint: 12345政务服务便民热线\n", "");

		assertThat(problems()).containsExactly(MINIMUM_LIVING + ":1: complaint: 缺少必填字段");
	}

	@Test
	void twoFilesWithTheSameCodeAreBothNamed() {
		guides.write("social-assistance/copy.yaml", guides.read(MINIMUM_LIVING));

		assertThat(problems()).anyMatch(p -> p.matches("social-assistance/.*\\.yaml:1: code: 基本编码000540401000与 social-assistance/.*\\.yaml 重复"));
	}

	@Test
	void aProcessStepThatUsesAnUndefinedMaterialIsRefused() {
		guides.replace(MINIMUM_LIVING, "materials: [application, household-register]", "materials: [application, id-card]");

		assertThat(problems()).containsExactly(MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "materials: [application, id-card]")
				+ ": process[0].materials: 引用了未定义的材料“id-card”（materials 中没有这个 id）");
	}

	@Test
	void aTimeLimitMustBeAPositiveNumberOfWorkingDays() {
		guides.replace(MINIMUM_LIVING, "statutory: 30", "statutory: 0").replace(MINIMUM_LIVING, "committed: 25", "committed: 两周");

		assertThat(problems()).containsExactly(
				MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "statutory: 0") + ": timeLimit.statutory: 时限应为正整数个工作日，实际为0",
				MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "committed: 两周") + ": timeLimit.committed: 应为整数，实际为“两周”");
	}

	@Test
	void theCommittedLimitMayNotExceedTheStatutoryOne() {
		guides.replace(MINIMUM_LIVING, "committed: 25", "committed: 31");

		assertThat(problems()).containsExactly(MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "committed: 31")
				+ ": timeLimit.committed: 承诺时限（31个工作日）不能超过法定时限（30个工作日）");
	}

	@Test
	void aConditionalMaterialMustSayWhenItIsNeeded() {
		guides.replace(MINIMUM_LIVING, "    requirement: 必要\n    source: 申请人自备", "    requirement: 视情形\n    source: 申请人自备");

		assertThat(problems()).singleElement().asString().endsWith(": materials[1].condition: 视情形提交的材料必须写明在什么情形下需要（condition）");
	}

	@Test
	void anUnclosedBracketIsReportedOnTheLineThatOpensIt() {
		guides.replace(MINIMUM_LIVING, "name: 最低生活保障审核确认", "name: [最低生活保障审核确认");

		assertThat(problems()).containsExactly(MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "name: [最低")
				+ ": (yaml): YAML 格式错误：方括号“[”没有闭合（expected ',' or ']', but got :）");
	}

	@Test
	void anUnclosedQuoteIsReportedWhereItOpensNotAtTheEndOfTheFile() {
		guides.replace(MINIMUM_LIVING, "conditions: 家庭", "conditions: \"家庭");

		assertThat(problems()).singleElement().asString()
				.startsWith(MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "conditions: \"") + ": (yaml): YAML 格式错误：引号没有闭合");
	}

	@Test
	void aFileSavedAsGbkIsReportedFromItsFirstChineseLine() throws Exception {
		java.nio.file.Files.write(folder.resolve(MINIMUM_LIVING), guides.read(MINIMUM_LIVING).getBytes("GBK"));

		assertThat(problems()).singleElement().asString()
				.startsWith(MINIMUM_LIVING + ":2: (file): 文件不是 UTF-8 编码");
	}

	@Test
	void aFileSavedWithAByteOrderMarkAndWindowsLineEndsIsRead() {
		guides.write(MINIMUM_LIVING, "\uFEFF" + guides.read(MINIMUM_LIVING).replace("\n", "\r\n"));

		assertThat(problems()).isEmpty();
	}

	@Test
	void aRepeatedMaterialIdIsReportedOnTheEntryThatRepeatsIt() {
		guides.replace(MINIMUM_LIVING, "- id: household-register", "- id: application");

		assertThat(problems()).contains(MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "- id: application", 2)
				+ ": materials[1].id: 材料 id“application”与第1项重复");
	}

	@Test
	void aRepeatedDepartmentIdIsReportedOnTheEntryThatRepeatsIt() {
		guides.replace("departments.yaml", "{id: civil-affairs", "{id: public-security");

		assertThat(problems()).contains("departments.yaml:2: id: id“public-security”与第1行重复");
	}

	@Test
	void aMisspeltFieldIsNotSilentlyIgnored() {
		guides.replace(MINIMUM_LIVING, "conditions:", "condtions:");

		assertThat(problems()).contains(MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "condtions:") + ": condtions: 未知字段（请检查拼写）",
				MINIMUM_LIVING + ":1: conditions: 缺少必填字段");
	}

	@Test
	void aMisspeltFieldOfAFeeItemIsNotSilentlyIgnored() {
		guides.replace(MINIMUM_LIVING, "fees:\n  charged: false", "fees:\n  charged: true\n  items:\n    - {name: 工本费, amout: 10元}\n  basis: 物价文件");

		assertThat(problems()).contains(MINIMUM_LIVING + ":" + lineOf(MINIMUM_LIVING, "amout") + ": fees.items[0].amout: 未知字段（请检查拼写）");
	}

	@Test
	void anEscapeThatYieldsAnInvisibleCharacterIsRefusedBeforeItReachesTheDatabase() {
		guides.replace(MINIMUM_LIVING, "name: 最低生活保障审核确认", "name: \"最低生活\\0保障审核确认\"")
				.replace(MINIMUM_LIVING, "aliases: [低保]", "aliases: [\"低\\a保\"]");

		assertThat(problems()).containsExactly(MINIMUM_LIVING + ":2: name: 含有看不见的控制字符 U+0000，请删除",
				MINIMUM_LIVING + ":3: aliases: 含有看不见的控制字符 U+0007，请删除");
	}

	@Test
	void aValueOutsideTheDisclosureChannelsIsRefused() {
		guides.replace(MINIMUM_LIVING, "channels: [政府网站, 公示栏]", "channels: [政府网站, 微博]");

		assertThat(problems()).singleElement().asString().contains(": disclosure.channels: “微博”不是公开渠道");
	}

	@Test
	void everyProblemOfTheFolderIsReportedAtOnce() {
		guides.replace(BIRTH, "type: 行政确认", "type: 行政确认书")
				.replace(MINIMUM_LIVING, "department: civil-affairs", "department: civil")
				.replace(MINIMUM_LIVING, "visits: 1", "visits: 5");

		assertThat(problems()).hasSize(3);
	}

	private List<String> problems() {
		return GuideFolderReader.read(folder).problems().stream().map(Problem::toString).toList();
	}

	private int lineOf(String file, String text) {
		return lineOf(file, text, 1);
	}

	/** The line of the {@code nth} occurrence of {@code text}, counted from 1. */
	private int lineOf(String file, String text, int nth) {
		List<String> lines = guides.read(file).lines().toList();
		int seen = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text) && ++seen == nth) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(text + " not " + nth + " times in " + file);
	}
}
