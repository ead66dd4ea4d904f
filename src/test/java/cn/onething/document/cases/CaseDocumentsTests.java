package cn.onething.document.cases;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.catalog.CatalogProperties;
import cn.onething.document.CaseDocuments;
import cn.onething.notification.internal.BindingScenes;
import cn.onething.system.TestDatabase;
import cn.onething.wechat.internal.WechatProperties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The receipt and the one-time notice of a real case in dev mode, read back with PDFBox and fetched over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseDocumentsTests {

	static final Actor WINDOW = new Actor(Actor.Kind.WINDOW, "w1", "窗口一");
	static final Actor REVIEWER = new Actor(Actor.Kind.REVIEWER, "r1", "审核员");
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Casework casework;

	@Autowired
	CaseLinks links;

	@Autowired
	CatalogProperties catalog;

	@Autowired
	CaseDocuments documents;

	@Autowired
	BindingScenes scenes;

	@Autowired
	WechatProperties wechat;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	StoredCase flagged;

	@BeforeEach
	void aCaseWithANotice() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		StoredCase stored = casework.submit(TermsFixture.parallelTerms(),
				new Applicant("张三丰", "45142119900101123X", "13812345678"), Map.of(), Map.of(), List.of(), WINDOW).block();
		String id = stored.file().id();
		casework.act(id, REVIEWER, file -> ctx -> file.flag("hukou",
				List.of(new Flag(null, "birth-certificate", null, Flag.Problem.MISSING, "未提交出生医学证明原件")), ctx)).block();
		flagged = casework.act(id, REVIEWER, file -> ctx -> file.flag("insurance",
				List.of(new Flag(null, "household-register", null, Flag.Problem.DEFECTIVE, "户口簿复印件字迹不清，请重新复印")), ctx))
				.block();
	}

	@Test
	void theReceiptShowsTheCaseWithTheApplicantMaskedOnly() throws IOException {
		byte[] pdf = documents.receipt(flagged.file().id()).block();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = compact(document);
			assertThat(text).contains("收件回执", "回执编号", flagged.file().receiptCode(), "新生儿出生一件事", "张**",
					"451***************", "138********", "已收件，待受理", "5个工作日", "（加盖印章）", "预计办结日期补正材料齐全后计算",
					DATE.format(flagged.file().receivedOn()));
			assertThat(text).as("the applicant glossary's words: received, not accepted, and one name for the code")
					.doesNotContain("办件编号", "受理日期", "受理回执");
			assertThat(text).as("nothing of the phone that opens the progress page with the receipt code")
					.doesNotContain("张三丰", "三丰", "45142119900101123X", "13812345678", "*5678");
			assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
					.as("font %s is embedded", font.getName()).isTrue());
			assertThat(PrintedQrCodes.of(document)).contains(progressUrl());
			assertThat(document.getNumberOfPages()).as("the receipt is one sheet").isEqualTo(1);
		}
	}

	@Test
	void inDevModeTheReceiptsWechatCodeOpensTheDevPageThatSimulatesScanningTheCasesCode() throws IOException {
		byte[] pdf = documents.receipt(flagged.file().id()).block();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(PrintedQrCodes.of(document)).containsExactlyInAnyOrder(progressUrl(), devScanUrl());
			assertThat(compact(document)).contains("扫码查看办理进度", "微信扫一扫关注公众号，接收办理进度通知", "二维码有效期至")
					.doesNotContain("绑定微信");
		}
	}

	@Test
	void theNoticeListsExactlyTheCasesItemsWithReasonsAndTheCorrectByDate() throws IOException {
		assertThat(flagged.file().status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
		OneTimeNotice notice = flagged.file().latestNotice().orElseThrow();
		assertThat(notice.items()).hasSize(2);

		byte[] pdf = documents.notice(flagged.file().id(), notice.version()).block();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = compact(document);
			assertThat(text).contains("一次性告知书", "回执编号" + flagged.file().receiptCode(), "需补正以下2项材料",
					"1出生医学证明缺少未提交出生医学证明原件出生登记",
					"2居民户口簿不符合要求户口簿复印件字迹不清，请重新复印医保参保",
					"请于" + DATE.format(notice.correctBy()) + "前", "《中华人民共和国行政许可法》第三十二条",
					"（加盖印章）", DATE.format(notice.issuedOn()));
			assertThat(text).doesNotContain("3居民", "3出生", "张三丰");
			assertThat(count(text, "缺少") + count(text, "不符合要求")).isEqualTo(2);
			assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
			assertThat(PrintedQrCodes.of(document)).containsExactly(progressUrl());
		}
		assertThat(documents.notice(flagged.file().id(), notice.version() + 1).blockOptional()).isEmpty();
	}

	@Test
	void theExtensionNoticeTellsTheReasonTheNewDueDateAndTheLawAndTheReceiptShowsEveryChangeOfTheTimeLimit() throws IOException {
		StoredCase extended = extendedWithAHearing();
		CaseSchedule schedule = CaseSchedule.of(extended.file(), casework.calendar());

		try (PDDocument document = Loader.loadPDF(documents.extensionNotice(extended.file().id()).block())) {
			String text = compact(document);
			assertThat(text).contains("延长期限告知书", extended.file().receiptCode(), "张**", "经本机关负责人批准，办理期限延长15个工作日",
					"延长理由需现场核查经营场所", "批准日期" + DATE.format(casework.today()),
					"延长后的办结期限" + DATE.format(schedule.bundleDueOn().orElseThrow()),
					"预计办结日期" + DATE.format(schedule.expectedCompletionOn().orElseThrow()),
					"《中华人民共和国行政许可法》第四十二条", "（加盖印章）");
			assertThat(text).doesNotContain("张三丰", "13812345678");
			assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
			assertThat(PrintedQrCodes.of(document)).containsExactly(catalog.publicBaseUrl() + links.progressPath(extended.file().receiptCode()));
			assertThat(document.getNumberOfPages()).isEqualTo(1);
		}
		try (PDDocument receipt = Loader.loadPDF(documents.receipt(extended.file().id()).block())) {
			assertThat(compact(receipt)).contains("预计办结日期" + DATE.format(schedule.expectedCompletionOn().orElseThrow()),
					"延长期限经机关负责人批准延长15个工作日；理由：需现场核查经营场所",
					"中止计时出生登记：听证，" + DATE.format(casework.today()) + "起，预计", "理由：利害关系人申请听证");
		}
		assertThat(documents.extensionNotice(flagged.file().id()).blockOptional()).as("not extended").isEmpty();
		String code = extended.file().receiptCode();
		web.get().uri("/cases/{code}/extension.pdf?k={k}", code, links.keyFor(code)).exchange()
				.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
		web.get().uri("/cases/{code}/extension.pdf?k={k}", code, "wrong").exchange().expectStatus().isNotFound();
		web.get().uri("/cases/{code}/extension.pdf?k={k}", flagged.file().receiptCode(), links.keyFor(flagged.file().receiptCode()))
				.exchange().expectStatus().isNotFound();
	}

	/** Deemed accepted (received long ago, no notice), extended by the head, and a hearing under way on 出生登记. */
	private StoredCase extendedWithAHearing() {
		StoredCase stored = casework.submit(TermsFixture.parallelTerms(),
				new Applicant("张三丰", "45142119900101123X", "13812345678"), Map.of(), Map.of(), List.of(), WINDOW).block();
		String id = stored.file().id();
		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = '" + id + "'")
				.then().block();
		casework.act(id, new Actor(Actor.Kind.HEAD, "head", "机关负责人"), file -> ctx -> file.extendDeadline("需现场核查经营场所", ctx)).block();
		return casework.act(id, REVIEWER, file -> ctx -> file.startSpecialProcedure("hukou", SpecialProcedure.Kind.HEARING,
				"利害关系人申请听证", ctx.today(), ctx.today().plusDays(10), ctx)).block();
	}

	@Test
	void theDownloadsArePdfsForTheKeyOfTheProgressLinkAndNotFoundOtherwise() {
		String code = flagged.file().receiptCode();
		String key = links.keyFor(code);

		web.get().uri("/cases/{code}/receipt.pdf?k={k}", code, key).exchange()
				.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
				.expectBody(byte[].class).value(body -> assertThat(new String(body, 0, 5)).isEqualTo("%PDF-"));
		web.get().uri("/cases/{code}/notices/1.pdf?k={k}", code, key).exchange()
				.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);

		web.get().uri("/cases/{code}/receipt.pdf?k={k}", code, "A" + key.substring(1)).exchange().expectStatus().isNotFound();
		web.get().uri("/cases/{code}/receipt.pdf", code).exchange().expectStatus().isNotFound();
		web.get().uri("/cases/{code}/notices/1.pdf?k={k}", code, "wrong").exchange().expectStatus().isNotFound();
		web.get().uri("/cases/{code}/notices/2.pdf?k={k}", code, key).exchange().expectStatus().isNotFound();
	}

	private String progressUrl() {
		return catalog.publicBaseUrl() + links.progressPath(flagged.file().receiptCode());
	}

	/** Dev mode's binding code opens the page that simulates WeChat's scan, so a newcomer can try it locally. */
	private String devScanUrl() {
		return wechat.publicBaseUrl() + "/dev/wechat/scan?scene="
				+ URLEncoder.encode(scenes.sceneFor(flagged.file().receiptCode()), StandardCharsets.UTF_8);
	}

	private static String compact(PDDocument document) throws IOException {
		return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	private static List<PDFont> fonts(PDDocument document) {
		List<PDFont> fonts = new java.util.ArrayList<>();
		document.getPages().forEach(page -> collect(page.getResources(), fonts, 0));
		return fonts;
	}

	private static void collect(PDResources resources, List<PDFont> fonts, int depth) {
		if (resources == null || depth > 3) {
			return;
		}
		try {
			for (COSName name : resources.getFontNames()) {
				fonts.add(resources.getFont(name));
			}
			for (COSName name : resources.getXObjectNames()) {
				PDXObject xObject = resources.getXObject(name);
				if (xObject instanceof PDFormXObject form) {
					collect(form.getResources(), fonts, depth + 1);
				}
			}
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
