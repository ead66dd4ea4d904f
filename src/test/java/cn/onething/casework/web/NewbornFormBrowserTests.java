package cn.onething.casework.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseContext;
import cn.onething.catalog.Catalog;
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

import static cn.onething.casework.web.BundleWalkBrowserTests.FATHER_ID;
import static cn.onething.casework.web.BundleWalkBrowserTests.MOTHER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 新生儿出生一件事 form on a phone in WeChat's browser, as a parent fills it: questions that follow the answers,
 * each fact typed once, the server's own words checked as they are typed, nothing asked that the bundle produces,
 * and a form sent back with a problem keeping every answer and file, also when the page's own checks never ran (as
 * without JavaScript).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class NewbornFormBrowserTests {

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
	Casework casework;

	@TempDir
	Path files;

	final LocalDate birthDate = LocalDate.now(CaseContext.CHINA).minusDays(5);

	@BeforeEach
	void theHallIsOpen() {
		HeadlessChromium.assumeInstalled();
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
	}

	@Test
	void aMarriedFatherAppliesTypingEachFactOnceAndTheFormChecksAsHeTypesInTheServersWords() throws Exception {
		Bundle newborn = bundles.bundle("newborn").orElseThrow();
		try (ApplicantPhone phone = new ApplicantPhone(base())) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			assertThat(phone.asks("父亲姓名")).as("the father's questions wait for the marriage answer").isFalse();

			phone.types("新生儿姓名", "李小宝");
			phone.chooses("新生儿性别", "男");
			phone.entersDate("新生儿出生日期", birthDate);
			phone.types("出生医院", "扶绥县人民医院");
			phone.types("母亲姓名", "黄丽");
			String wrongCheckDigit = MOTHER_ID.substring(0, 17) + (MOTHER_ID.charAt(17) == '1' ? '2' : '1');
			phone.types("母亲身份证号码", wrongCheckDigit);
			phone.leaves("母亲身份证号码");
			String serverSays = newborn.form().validate(Map.of("mother.idNumber", wrongCheckDigit)).get("mother.idNumber");
			assertThat(phone.saysUnder("母亲身份证号码")).isEqualTo(serverSays).contains("校验位不正确", "逐位核对");
			phone.types("母亲身份证号码", MOTHER_ID);
			phone.leaves("母亲身份证号码");
			assertThat(phone.saysUnder("母亲身份证号码")).isEqualTo("身份证显示：1992年3月15日出生，女");

			phone.chooses("父母是否已登记结婚", "是");
			assertThat(phone.asks("父亲姓名")).isTrue();
			phone.types("父亲姓名", "李强");
			phone.types("父亲身份证号码", FATHER_ID);
			phone.leaves("父亲身份证号码");
			phone.types("监护人手机号码", "1387700123");
			phone.leaves("监护人手机号码");
			assertThat(phone.saysUnder("监护人手机号码")).isEqualTo("监护人手机号码应为11位手机号码（以1开头）");
			phone.types("监护人手机号码", "13877001234");
			phone.leaves("监护人手机号码");
			assertThat(phone.asks("申请人（监护人）姓名")).isTrue();
			phone.chooses("申请人与新生儿的关系", "父亲");
			assertThat(phone.asks("申请人（监护人）姓名")).as("the father's name is the applicant's").isFalse();
			assertThat(phone.asks("申请人身份证号码")).isFalse();
			phone.types("落户地址", "扶绥县新宁镇城南路 8 号");
			phone.chooses("是否现在缴纳本年度居民医保费", "否");
			phone.chooses("社会保障卡领取方式", "到窗口领取");

			assertThat(phone.materialsAsked()).as("the items' own names for what the bundle produces")
					.noneMatch(asked -> java.util.stream.Stream.of("出生医学证明", "出生医学证明或出生医院出具的新生儿出生登记信息",
							"参保人居民身份证或居民户口簿", "申领人居民身份证或居民户口簿").anyMatch(name -> asked.startsWith(name + " ")))
					.anyMatch(asked -> asked.startsWith("出生医学证明首次签发登记表"));
			assertThat(phone.section("申请材料")).contains("不用提交的材料", "出生医学证明：由本件事自动共享，无需提交",
					"新生儿的居民户口簿：由本件事自动共享，无需提交");
			phone.attaches("父母双方的居民身份证", png("parents-id.png"));
			phone.presses("提交申请");

			phone.waitsForPage("办理进度");
			StoredCase stored = casework.byReceiptCode(phone.fact("回执编号")).block();
			assertThat(stored.applicant().name()).isEqualTo("李强");
			assertThat(stored.applicant().idNumber()).isEqualTo(FATHER_ID);
			assertThat(stored.form()).containsEntry("applicant.relation", "父亲").containsEntry("mother.idNumber", MOTHER_ID);
		}
	}

	@Test
	void aFileTheServerRefusesBringsTheFormBackWithEveryAnswerAndTheOtherFileKept() throws Exception {
		try (ApplicantPhone phone = new ApplicantPhone(base())) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			answerAsAnUnmarriedMother(phone);
			phone.attaches("父母双方的居民身份证", png("parents-id.png"));
			phone.attaches("出生登记申报表", Files.write(files.resolve("application.pdf"),
					"this is a word file renamed".getBytes(StandardCharsets.UTF_8)));
			// the phone would refuse it before sending (PhoneUploadBrowserTests); the server refuses it on its own
			phone.sendsTheFormPastThePagesChecks();

			assertThat(phone.title()).contains("申请表");
			assertThat(phone.message()).contains("申请尚未提交", "出生登记申报表");
			assertThat(phone.valueOf("新生儿姓名")).isEqualTo("黄小宝");
			assertThat(phone.valueOf("母亲身份证号码")).isEqualTo(MOTHER_ID);
			assertThat(phone.section("申请材料")).contains("已选择：parents-id.png（已保存，不用重新选择", "只能上传 PDF、JPG 或 PNG");
			assertThat(phone.asks("父亲姓名")).as("the questions still follow the answers").isFalse();

			phone.attaches("出生登记申报表", pdf("application.pdf"));
			phone.presses("提交申请");

			phone.waitsForPage("办理进度");
			StoredCase stored = casework.byReceiptCode(phone.fact("回执编号")).block();
			assertThat(casework.materials(stored.file().id()).map(m -> m.fileName()).collectList().block())
					.containsExactlyInAnyOrder("parents-id.png", "application.pdf");
			assertThat(stored.applicant().name()).isEqualTo("黄丽");
		}
	}

	@Test
	void pastThePagesChecksTheServerNamesAMissingConditionalFieldNextToItKeepingEveryAnswerAndFile() throws Exception {
		try (ApplicantPhone phone = new ApplicantPhone(base())) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			answerAsAnUnmarriedMother(phone);
			phone.chooses("父母是否已登记结婚", "是");
			phone.attaches("父母双方的居民身份证", png("parents-id.png"));
			phone.sendsTheFormPastThePagesChecks();

			assertThat(phone.title()).contains("申请表");
			assertThat(phone.message()).contains("申请尚未提交", "请修改下面标出的 2 处", "请填写父亲姓名", "请填写父亲身份证号码");
			assertThat(phone.saysUnder("父亲姓名")).isEqualTo("请填写父亲姓名");
			assertThat(phone.valueOf("新生儿姓名")).isEqualTo("黄小宝");
			assertThat(phone.valueOf("落户地址")).isEqualTo("扶绥县新宁镇城南路 8 号");
			assertThat(phone.section("申请材料")).contains("已选择：parents-id.png");

			phone.types("父亲姓名", "李强");
			phone.types("父亲身份证号码", FATHER_ID);
			phone.presses("提交申请");

			phone.waitsForPage("办理进度");
			StoredCase stored = casework.byReceiptCode(phone.fact("回执编号")).block();
			assertThat(stored.form()).containsEntry("father.name", "李强");
			assertThat(casework.materials(stored.file().id()).map(m -> m.fileName()).collectList().block())
					.containsExactly("parents-id.png");
		}
	}

	private void answerAsAnUnmarriedMother(ApplicantPhone phone) {
		phone.types("新生儿姓名", "黄小宝");
		phone.chooses("新生儿性别", "女");
		phone.entersDate("新生儿出生日期", birthDate);
		phone.types("出生医院", "扶绥县人民医院");
		phone.types("母亲姓名", "黄丽");
		phone.types("母亲身份证号码", MOTHER_ID);
		phone.leaves("母亲身份证号码");
		phone.chooses("父母是否已登记结婚", "否");
		phone.types("监护人手机号码", "13877001234");
		phone.chooses("申请人与新生儿的关系", "母亲");
		phone.types("落户地址", "扶绥县新宁镇城南路 8 号");
		phone.chooses("是否现在缴纳本年度居民医保费", "否");
		phone.chooses("社会保障卡领取方式", "到窗口领取");
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private Path pdf(String name) throws IOException {
		return Files.write(files.resolve(name), ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
	}

	private Path png(String name) throws IOException {
		Path file = files.resolve(name);
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
		return file;
	}
}
