package cn.onething.casework.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import cn.onething.bundle.Bundles;
import cn.onething.casework.Casework;
import cn.onething.casework.Glossary;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseContext;
import cn.onething.catalog.Catalog;
import cn.onething.system.HeadlessChromium;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.WebFilter;

import static cn.onething.casework.web.BundleWalkBrowserTests.MOTHER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads from a phone in WeChat's browser (static/js/upload.js): files checked against the server's own limits
 * before anything is sent, photos shrunk on the phone, the progress shown while the form goes out, and a draft that
 * outlives a reload; then the words of the page that follows (回执编号, 收件, the expected completion date, and
 * 长按识别二维码 inside WeChat only). The server runs with a 2 MB file limit, which the page must read from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.casework.max-upload-size=2MB" })
class PhoneUploadBrowserTests {

	/** Every form post that reaches the server, counted before anything of it is read. */
	static final AtomicInteger POSTS = new AtomicInteger();

	@TestConfiguration
	static class CountingPosts {

		@Bean
		WebFilter formPostsArriving() {
			return (exchange, chain) -> {
				if (exchange.getRequest().getMethod() == HttpMethod.POST
						&& exchange.getRequest().getPath().value().endsWith("/applications")) {
					POSTS.incrementAndGet();
				}
				return chain.filter(exchange);
			};
		}
	}

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
		POSTS.set(0);
	}

	@Test
	void aFileOverTheServersLimitAndAFileOfAnotherTypeAreRefusedOnThePhoneWithoutSendingAnything() throws Exception {
		try (ApplicantPhone phone = new ApplicantPhone(base())) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			phone.waitsForTheUploadChecks();
			assertThat(phone.section("申请材料")).as("the limit as the server publishes it").contains("每个文件不超过 2 MB");
			answerAsAnUnmarriedMother(phone);
			Path large = files.resolve("scan.pdf");
			byte[] content = new byte[2 * 1024 * 1024 + 1];
			new Random(7).nextBytes(content);
			System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
			Files.write(large, content);
			phone.attaches("父母双方的居民身份证", large);
			phone.attaches("出生登记申报表", Files.write(files.resolve("application.pdf"),
					"this is a word file renamed".getBytes(StandardCharsets.UTF_8)));

			phone.triesToUpload("提交申请");

			assertThat(phone.saysUnderFile("父母双方的居民身份证")).isEqualTo("“scan.pdf”：文件超过 2 MB，请压缩后再上传");
			assertThat(phone.saysUnderFile("出生登记申报表")).isEqualTo("只能上传 PDF、JPG 或 PNG 文件（“application.pdf”不是）");
			assertThat(phone.title()).as("still the form, nothing sent").contains("申请表");
			assertThat(phone.valueOf("新生儿姓名")).isEqualTo("黄小宝");
			assertThat(phone.accessibilityViolations()).as("the form with its upload problems").isEmpty();
			assertThat(POSTS.get()).as("no upload reached the server").isZero();
		}
	}

	@Test
	void aLargePhotoIsShrunkOnThePhoneAndTheProgressIsShownThenTheReceiptPageLooksLikeSuccess() throws Exception {
		Path photo = photo("id-card.png", 3000, 2250);
		assertThat(Files.size(photo)).as("larger than the server takes as it is").isGreaterThan(2L * 1024 * 1024);
		try (ApplicantPhone phone = new ApplicantPhone(base())) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			phone.waitsForTheUploadChecks();
			answerAsAnUnmarriedMother(phone);
			phone.attaches("父母双方的居民身份证", photo);
			phone.recordsTheUploadProgress();
			phone.presses("提交申请");

			phone.waitsForPage("办理进度");
			assertThat(phone.uploadProgressSeen()).as("the progress, in words").startsWith("正在");
			StoredCase stored = casework.byReceiptCode(phone.fact(Glossary.RECEIPT_CODE)).block();
			var entry = casework.materials(stored.file().id()).blockFirst();
			var material = casework.material(stored.file().id(), entry.id()).block();
			assertThat(material.fileName()).isEqualTo("id-card.jpg");
			assertThat(material.contentType()).isEqualTo("image/jpeg");
			assertThat((long) material.content().length).isLessThan(Files.size(photo));
			BufferedImage stored2000 = ImageIO.read(new ByteArrayInputStream(material.content()));
			assertThat(stored2000.getWidth()).isEqualTo(2000);
			assertThat(stored2000.getHeight()).isEqualTo(1500);

			assertThat(phone.section("申请已提交")).as("a page that says it worked, in the glossary's words")
					.contains("申请已提交，材料已收件", Glossary.RECEIPT_CODE + " " + stored.file().receiptCode(),
							Glossary.EXPECTED_COMPLETION_ON + "：");
			assertThat(phone.fact("当前状态")).isEqualTo(Glossary.RECEIVED_AWAITING_CHECK);
			assertThat(phone.section("微信通知")).as("inside WeChat a code on the screen is long-pressed")
					.contains("长按识别二维码").doesNotContain("扫描");
			assertThat(phone.accessibilityViolations()).as("the receipt page").isEmpty();

			WebDriver desk = HeadlessChromium.desk();
			try {
				desk.get(phone.url());
				assertThat(desk.findElement(By.id("wechat")).getText()).as("outside WeChat it is scanned")
						.contains("用微信扫描二维码").doesNotContain("长按识别");
			}
			finally {
				HeadlessChromium.quitCheckingThePolicy(desk);
			}
		}
	}

	@Test
	void theAnswersAndTheFilesTheServerKeptSurviveLeavingTheFormAndComingBack() throws Exception {
		try (ApplicantPhone phone = new ApplicantPhone(base())) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			answerAsAnUnmarriedMother(phone);
			phone.chooses("父母是否已登记结婚", "是");
			phone.attaches("父母双方的居民身份证", png("parents-id.png"));
			phone.sendsTheFormPastThePagesChecks();
			assertThat(phone.section("申请材料")).contains("已选择：parents-id.png");

			// the connection drops, or the phone goes elsewhere; the form is opened again as a new page
			phone.opens("/");
			phone.opens("/bundles/newborn/form");
			phone.waitsForTheFormsChecks();
			phone.waitsForTheUploadChecks();
			assertThat(phone.valueOf("新生儿姓名")).isEqualTo("黄小宝");
			assertThat(phone.valueOf("母亲身份证号码")).isEqualTo(MOTHER_ID);
			assertThat(phone.asks("父亲姓名")).as("the questions follow the restored answers").isTrue();
			assertThat(phone.saysUnderFile("父母双方的居民身份证")).contains("已选择：parents-id.png");

			phone.types("父亲姓名", "李强");
			phone.types("父亲身份证号码", BundleWalkBrowserTests.FATHER_ID);
			phone.presses("提交申请");

			phone.waitsForPage("办理进度");
			StoredCase stored = casework.byReceiptCode(phone.fact(Glossary.RECEIPT_CODE)).block();
			assertThat(stored.form()).containsEntry("father.name", "李强").containsEntry("mother.idNumber", MOTHER_ID);
			assertThat(casework.materials(stored.file().id()).map(m -> m.fileName()).collectList().block())
					.as("the file kept by the server before the reload").containsExactly("parents-id.png");

			phone.opens("/bundles/newborn/form");
			phone.waitsForTheUploadChecks();
			assertThat(phone.valueOf("新生儿姓名")).as("a filed form's draft is gone from the phone").isEmpty();
		}
	}

	@Test
	void aConnectionDroppedWhileSendingLeavesEveryAnswerAndFileOnTheFormToSendAgain() throws Exception {
		try (ApplicantPhone phone = new ApplicantPhone(base())) {
			phone.opensTheFormOf("新生儿出生一件事");
			phone.waitsForTheFormsChecks();
			phone.waitsForTheUploadChecks();
			answerAsAnUnmarriedMother(phone);
			phone.attaches("父母双方的居民身份证", png("parents-id.png"));

			phone.isOffline(true);
			assertThat(phone.triesToSendOffline("提交申请")).contains("网络中断，申请尚未提交", "已填内容和已选文件都还在");
			assertThat(POSTS.get()).as("nothing reached the server").isZero();
			phone.isOffline(false);
			assertThat(phone.valueOf("新生儿姓名")).isEqualTo("黄小宝");

			phone.presses("提交申请");
			phone.waitsForPage("办理进度");
			StoredCase stored = casework.byReceiptCode(phone.fact(Glossary.RECEIPT_CODE)).block();
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

	private Path png(String name) throws IOException {
		Path file = files.resolve(name);
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
		return file;
	}

	/** A photo as a phone's camera makes it: large, with the grain a PNG cannot squeeze. */
	private Path photo(String name, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random grain = new Random(11);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int base = 120 + (x * 100 / width);
				int noise = grain.nextInt(5) - 2;
				int value = Math.max(0, Math.min(255, base + noise));
				image.setRGB(x, y, new Color(value, Math.max(0, value - 20), Math.min(255, value + 10)).getRGB());
			}
		}
		Path file = files.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file;
	}
}
