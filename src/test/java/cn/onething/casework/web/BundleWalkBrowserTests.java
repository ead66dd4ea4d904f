package cn.onething.casework.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import cn.onething.bundle.Bundles;
import cn.onething.calendar.Region;
import cn.onething.catalog.Catalog;
import cn.onething.casework.Casework;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.web.StaffDesk.Finding;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-thing bundles walked end to end in headless Chromium, every step by typing and clicking: the applicant on a
 * phone, each department's reviewer at a desk of their own, on the real catalogue and bundles of {@code guides/}
 * and the demo staff accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class BundleWalkBrowserTests {

	/** GB 11643 numbers of Fusui county (451421); the check digits are worked out below, not taken from the code under test. */
	static final String FATHER_ID = withCheckDigit("45142119900101001");
	static final String MOTHER_ID = withCheckDigit("45142119920315002");
	static final String RETIREE_ID = withCheckDigit("45142119660412003");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	Casework casework;

	@TempDir
	Path files;

	@BeforeEach
	void theHallIsOpen() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
		demoAccounts.create().block();
	}

	@Test
	void aNewbornIsRegisteredFromOnePhoneFormThroughEveryDepartmentWithOneNoticeAndOneCorrection() throws Exception {
		LocalDate today = LocalDate.now(CaseContext.CHINA);
		LocalDate birthDate = today.minusDays(12);
		long openCases = casework.openCases().count().block();
		try (ApplicantPhone phone = new ApplicantPhone(base()); StaffDesk health = StaffDesk.signIn(base(), "health")) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			answerTheNewbornForm(phone, birthDate);
			String wrongCheckDigit = MOTHER_ID.substring(0, 17) + (MOTHER_ID.charAt(17) == '1' ? '2' : '1');
			phone.types("母亲身份证号码", wrongCheckDigit);
			phone.triesToSend("提交申请");

			assertThat(phone.saysUnder("母亲身份证号码")).contains("校验位不正确");
			assertThat(phone.pageText()).doesNotContain("回执编号");
			assertThat(casework.openCases().count().block()).as("nothing is filed").isEqualTo(openCases);
			assertThat(phone.valueOf("新生儿姓名")).as("every answer stays where it was").isEqualTo("李小宝");
			phone.types("母亲身份证号码", MOTHER_ID);
			phone.attaches("父母双方的居民身份证", png("parents-id.png"));
			phone.attaches("出生医学证明首次签发登记表", pdf("first-issue-form.pdf"));
			phone.attaches("父母双方的居民户口簿", pdf("household-register.pdf"));
			phone.attaches("出生登记申报表", pdf("birth-application-form.pdf"));
			phone.presses("提交申请");

			phone.waitsForPage("办理进度");
			assertThat(phone.message()).contains("申请已提交");
			String receipt = phone.fact("回执编号");
			assertThat(receipt).matches("FS[0-9A-Z]{8}");
			assertThat(phone.fact("当前状态")).as("received, not yet accepted").isEqualTo("已收件，待受理");
			assertThat(download(phone.linkTo("下载回执"))).startsWith("%PDF");

			// 签发出生医学证明 comes first; the health commission asks for two things in one go
			assertThat(health.queueStateOf(receipt)).isEqualTo("待审查");
			health.opensFromTheQueue(receipt);
			assertThat(health.section("申请材料")).contains("parents-id.png", "first-issue-form.pdf", "household-register.pdf",
					"birth-application-form.pdf");
			assertThat(health.section("表单内容")).contains("李小宝", birthDate.toString(), "扶绥县人民医院", MOTHER_ID);
			health.flags("签发出生医学证明",
					new Finding("出生医学证明首次签发登记表（含新生儿姓名）", true, "登记表缺少母亲签名"),
					new Finding("新生儿在出生医院的乙肝疫苗、卡介苗接种记录", false, "请上传出生医院的接种记录"));

			LocalDate correctBy = tenWorkingDaysAfter(today);
			assertThat(health.noticeHeadings()).singleElement().asString()
					.startsWith("第 1 号").contains("限 " + correctBy + " 前补正");
			assertThat(health.section("一次性告知")).contains("登记表缺少母亲签名", "请上传出生医院的接种记录");
			assertThat(health.queueStateOf(receipt)).isEqualTo("待补正");

			// the applicant finds the case with the receipt code and the phone's last four digits
			phone.looksUp(receipt, "1234");
			assertThat(phone.fact("当前状态")).as("the glossary's word, as in the push").isEqualTo("需补正");
			assertThat(phone.section("需要补正的材料")).contains("出生医学证明首次签发登记表（含新生儿姓名）（不符合要求）",
					"登记表缺少母亲签名", "新生儿在出生医院的乙肝疫苗、卡介苗接种记录（缺少）", "请上传出生医院的接种记录",
					correctBy.toString());
			assertThat(download(phone.linkTo("下载一次性告知书"))).startsWith("%PDF");
			phone.attaches("上传：出生医学证明首次签发登记表", pdf("first-issue-form-signed.pdf"));
			phone.attaches("上传：新生儿在出生医院的乙肝疫苗", png("vaccination-record.png"));
			phone.presses("提交补正材料");
			assertThat(phone.message()).contains("补正材料已提交");
			assertThat(phone.showsSection("需要补正的材料")).isFalse();

			// back with the health commission: the certificate, then 预防接种证 and 落户 side by side
			assertThat(health.queueStateOf(receipt)).isEqualTo("待审查");
			health.opensFromTheQueue(receipt);
			assertThat(health.section("申请材料")).contains("first-issue-form-signed.pdf", "vaccination-record.png");
			health.approves("签发出生医学证明", "出生医学证明已签发，电子证照已共享");
			assertThat(health.message()).contains("已通过");
			assertThat(health.stepState("办理预防接种证")).isEqualTo("审查中");
			assertThat(health.stepState("出生登记（落户）")).isEqualTo("审查中");
			assertThat(health.decides("出生登记（落户）")).as("落户 is the police's to decide").isFalse();
			assertThat(health.section("概况")).contains("受理");

			try (StaffDesk police = StaffDesk.signIn(base(), "police")) {
				police.opensFromTheQueue(receipt);
				assertThat(police.section("本件事产生的材料（免提交）")).as("落户 takes the certificate from the case, not the applicant")
						.contains("出生医学证明", "签发出生医学证明", "已附入本案", "出生医学证明已签发，电子证照已共享",
								"新生儿的居民户口簿", "待该步骤审查通过后自动附入");
				police.approves("出生登记（落户）", "新户口簿请到新宁派出所户籍窗口领取");
			}
			health.opensFromTheQueue(receipt);
			health.approves("办理预防接种证", "预防接种证请到新宁镇卫生院预防接种门诊领取");
			assertThat(health.stepState("居民医保参保登记")).isEqualTo("审查中");
			assertThat(health.stepState("社会保障卡申领")).isEqualTo("审查中");

			try (StaffDesk medical = StaffDesk.signIn(base(), "medical"); StaffDesk hrss = StaffDesk.signIn(base(), "hrss")) {
				medical.opensFromTheQueue(receipt);
				hrss.opensFromTheQueue(receipt);
				medical.approves("居民医保参保登记", "新生儿自出生之日起享受居民医保待遇");
				hrss.approves("社会保障卡申领", "社会保障卡制成后到县政务服务中心人社窗口领取");
				assertThat(hrss.section("概况")).contains("已办结", "全部办结");
				String[] story = { "收件，回执编号 " + receipt, "“签发出生医学证明”开始审查",
						"卫健审核员 “签发出生医学证明”要求补正：出生医学证明首次签发登记表（含新生儿姓名）（不符合要求：登记表缺少母亲签名）",
						"发出第 1 号一次性告知，共 2 项，限 " + correctBy + " 前补正", "提交补正材料（第 1 号一次性告知）",
						"卫健审核员 “签发出生医学证明”审查通过", "受理：", "公安审核员 “出生登记（落户）”审查通过",
						"卫健审核员 “办理预防接种证”审查通过", "医保审核员 “居民医保参保登记”审查通过",
						"人社审核员 “社会保障卡申领”审查通过", "办结：全部办结" };
				assertThat(inOrder(hrss.history(), story)).containsExactly(story);
			}

			phone.looksUp(receipt, "1234");
			assertThat(phone.fact("当前状态")).isEqualTo("已办结");
			assertThat(phone.section("办理结果")).contains("办理结果：已办结", "新户口簿请到新宁派出所户籍窗口领取",
					"预防接种证请到新宁镇卫生院预防接种门诊领取", "社会保障卡制成后到县政务服务中心人社窗口领取");

			try (ApplicantPhone someoneElse = new ApplicantPhone(base())) {
				someoneElse.looksUp(receipt, "0000");
				assertThat(someoneElse.message()).contains("回执编号或手机号后四位不正确");
				assertThat(someoneElse.url()).doesNotContain("k=");
				assertThat(someoneElse.pageText()).doesNotContain("新生儿出生一件事", "李*", "办理环节", "办理结果");
			}
		}
	}

	@Test
	void twoParallelDepartmentsFlagDifferentMaterialsAndTheApplicantCorrectsBothAfterOneNotice() throws Exception {
		LocalDate today = LocalDate.now(CaseContext.CHINA);
		try (ApplicantPhone phone = new ApplicantPhone(base());
				StaffDesk hrss = StaffDesk.signIn(base(), "hrss");
				StaffDesk medical = StaffDesk.signIn(base(), "medical")) {
			phone.opensTheFormOf("退休一件事");
			phone.types("姓名", "王建国");
			phone.types("身份证号码", RETIREE_ID);
			phone.types("手机号码", "13977005678");
			phone.types("参保单位名称", "扶绥县糖厂");
			phone.chooses("退休类型", "正常退休");
			phone.entersDate("申请退休日期", today.plusDays(20));
			phone.types("开户银行", "中国农业银行扶绥支行");
			phone.types("本人银行卡号", "6228480012345678901");
			phone.types("职工医保累计实际缴费年限", "28");
			phone.chooses("缴费年限不足时是否一次性补缴", "否");
			phone.types("住房公积金个人账号", "45001234567");
			phone.attaches("企业职工基本养老保险待遇申领表", pdf("retirement-form.pdf"));
			phone.attaches("本人居民身份证或社会保障卡", png("id-card.png"));
			phone.presses("提交申请");
			phone.waitsForPage("办理进度");
			assertThat(phone.message()).contains("申请已提交");
			String receipt = phone.fact("回执编号");

			// 人社 and 医保 review side by side; the first finding alone tells the applicant nothing yet
			assertThat(hrss.queueStateOf(receipt)).isEqualTo("待审查");
			assertThat(medical.queueStateOf(receipt)).isEqualTo("待审查");
			hrss.opensFromTheQueue(receipt);
			hrss.flags("养老保险退休审批", new Finding("企业职工基本养老保险待遇申领表（退休申请表）", true, "申领表未加盖单位公章"));
			assertThat(hrss.showsSection("一次性告知")).isFalse();
			assertThat(hrss.section("概况")).contains("审查中");
			phone.looksUp(receipt, "5678");
			assertThat(phone.showsSection("需要补正的材料")).isFalse();

			medical.opensFromTheQueue(receipt);
			medical.flags("职工医保退休待遇核定", new Finding("职工基本医疗保险退休人员待遇核定表", false, "请补交单位盖章的待遇核定表"));

			LocalDate correctBy = tenWorkingDaysAfter(today);
			for (StaffDesk desk : List.of(medical, hrss)) {
				desk.opensFromTheQueue(receipt);
				assertThat(desk.noticeHeadings()).singleElement().asString().startsWith("第 1 号").contains("限 " + correctBy + " 前补正");
				assertThat(desk.section("一次性告知")).contains("申领表未加盖单位公章", "养老保险退休审批",
						"请补交单位盖章的待遇核定表", "职工医保退休待遇核定");
			}
			phone.looksUp(receipt, "5678");
			assertThat(phone.section("需要补正的材料")).contains("补齐以下 2 项", correctBy.toString(),
					"企业职工基本养老保险待遇申领表（退休申请表）（不符合要求）", "申领表未加盖单位公章",
					"职工基本医疗保险退休人员待遇核定表（缺少）", "请补交单位盖章的待遇核定表");
			phone.attaches("上传：企业职工基本养老保险待遇申领表", pdf("retirement-form-stamped.pdf"));
			phone.attaches("上传：职工基本医疗保险退休人员待遇核定表", pdf("approval-form.pdf"));
			phone.presses("提交补正材料");
			assertThat(phone.message()).contains("补正材料已提交");

			// both departments find the case back in their queues and approve; 公积金 follows in series
			assertThat(hrss.queueStateOf(receipt)).isEqualTo("待审查");
			assertThat(medical.queueStateOf(receipt)).isEqualTo("待审查");
			hrss.opensFromTheQueue(receipt);
			hrss.approves("养老保险退休审批", "退休证请到县政务服务中心人社窗口领取");
			medical.opensFromTheQueue(receipt);
			medical.approves("职工医保退休待遇核定", "医保退休待遇自退休次月起享受");
			try (StaffDesk fund = StaffDesk.signIn(base(), "fund")) {
				fund.opensFromTheQueue(receipt);
				assertThat(fund.stepState("住房公积金退休提取")).isEqualTo("待前序审批");
				fund.approves("住房公积金账户封存", "公积金账户已封存");
				assertThat(fund.stepState("住房公积金退休提取")).isEqualTo("审查中");
				fund.approves("住房公积金退休提取", "公积金余额已转入本人银行卡");
				String[] story = { "人社审核员 “养老保险退休审批”要求补正", "医保审核员 “职工医保退休待遇核定”要求补正",
						"发出第 1 号一次性告知，共 2 项", "提交补正材料（第 1 号一次性告知）", "人社审核员 “养老保险退休审批”审查通过",
						"医保审核员 “职工医保退休待遇核定”审查通过", "受理：", "公积金审核员 “住房公积金账户封存”审查通过",
						"公积金审核员 “住房公积金退休提取”审查通过", "办结：全部办结" };
				assertThat(inOrder(fund.history(), story)).containsExactly(story);
			}

			phone.looksUp(receipt, "5678");
			assertThat(phone.fact("当前状态")).isEqualTo("已办结");
			assertThat(phone.section("办理结果")).contains("办理结果：已办结", "退休证请到县政务服务中心人社窗口领取", "公积金余额已转入本人银行卡");
		}
	}

	private void answerTheNewbornForm(ApplicantPhone phone, LocalDate birthDate) {
		phone.types("新生儿姓名", "李小宝");
		phone.chooses("新生儿性别", "男");
		phone.entersDate("新生儿出生日期", birthDate);
		phone.types("出生医院", "扶绥县人民医院");
		phone.types("母亲姓名", "黄丽");
		phone.types("母亲身份证号码", MOTHER_ID);
		phone.leaves("母亲身份证号码");
		phone.chooses("父母是否已登记结婚", "是");
		phone.types("父亲姓名", "李强");
		phone.types("父亲身份证号码", FATHER_ID);
		phone.leaves("父亲身份证号码");
		phone.types("监护人手机号码", "13877001234");
		phone.chooses("申请人与新生儿的关系", "父亲");
		phone.types("落户地址", "扶绥县新宁镇城南路 8 号");
		phone.chooses("是否现在缴纳本年度居民医保费", "否");
		phone.chooses("社会保障卡领取方式", "到窗口领取");
	}

	/** The correction deadline a notice issued today carries (onething.casework.correction-working-days). */
	private LocalDate tenWorkingDaysAfter(LocalDate day) {
		return casework.calendar().addWorkingDays(day, 10, Region.of(catalog.current().hall().regionCode()));
	}

	private Path pdf(String name) throws IOException {
		return Files.write(files.resolve(name), ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
	}

	private Path png(String name) throws IOException {
		Path file = files.resolve(name);
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
		return file;
	}

	/** The start of what a link on the applicant's page serves. */
	private String download(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base()).resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return new String(response.body(), 0, Math.min(8, response.body().length), StandardCharsets.US_ASCII);
	}

	/** The fragments found one after another in the lines, in order; a fragment not found ends the search. */
	static List<String> inOrder(List<String> lines, String... fragments) {
		List<String> found = new ArrayList<>();
		int line = 0;
		for (String fragment : fragments) {
			while (line < lines.size() && !lines.get(line).contains(fragment)) {
				line++;
			}
			if (line == lines.size()) {
				break;
			}
			found.add(fragment);
			line++;
		}
		return found;
	}

	/** ISO 7064 MOD 11-2, as GB 11643 defines the 18th character. */
	static String withCheckDigit(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
