package cn.onething.document.cases;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.document.CaseDocuments;
import cn.onething.system.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 不予行政许可决定书 and the 不予受理通知书 of real cases, read back with PDFBox: the reason, the legal basis and the
 * remedies with the bodies configured for the sample county (application.yaml), and their downloads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusalDocumentsTests {

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
	CaseDocuments documents;

	WebTestClient web;

	@BeforeEach
	void client() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void theRefusalDecisionGivesTheReasonTheLawAndWhereToChallengeIt() throws IOException {
		StoredCase refused = casework.act(file().file().id(), REVIEWER,
				file -> ctx -> file.refuse("hukou", "申请人户籍不在本县，不符合出生登记条件", ctx)).block();

		byte[] pdf = documents.refusal(refused.file().id(), "hukou").block();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = compact(document);
			assertThat(text).contains("不予行政许可决定书", refused.file().receiptCode(), "张**", "出生登记", "决定不予许可",
					"申请人户籍不在本县，不符合出生登记条件", "《中华人民共和国行政许可法》第三十八条第二款", "救济途径",
					"60日内向扶绥县人民政府申请行政复议", "《中华人民共和国行政复议法》第二十条",
					"6个月内直接向扶绥县人民法院提起行政诉讼", "《中华人民共和国行政诉讼法》第四十六条", "（加盖印章）",
					DATE.format(casework.today()));
			assertThat(text).doesNotContain("张三丰", "因本决定终止的环节");
			assertThat(document.getNumberOfPages()).isEqualTo(1);
		}
		assertThat(documents.refusal(refused.file().id(), "insurance").blockOptional()).as("not refused").isEmpty();
		assertThat(documents.nonAcceptance(refused.file().id()).blockOptional()).as("accepted, not turned away").isEmpty();
	}

	@Test
	void theNonAcceptanceNoticeSaysWhereToApplyInsteadAndHowToChallengeIt() throws IOException {
		StoredCase turnedAway = casework.act(file().file().id(), WINDOW,
				file -> ctx -> file.refuseToAccept("申请人户籍在南宁市，出生登记不属于本县办理", "南宁市公安局青秀分局", ctx)).block();

		byte[] pdf = documents.nonAcceptance(turnedAway.file().id()).block();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = compact(document);
			assertThat(text).contains("不予受理通知书", turnedAway.file().receiptCode(), "决定不予受理",
					"申请人户籍在南宁市，出生登记不属于本县办理", "请向以下机关申请南宁市公安局青秀分局",
					"《中华人民共和国行政许可法》第三十二条", "60日内向扶绥县人民政府申请行政复议",
					"6个月内直接向扶绥县人民法院提起行政诉讼", "（加盖印章）", DATE.format(casework.today()));
			assertThat(text).doesNotContain("张三丰");
		}
		try (PDDocument receipt = Loader.loadPDF(documents.receipt(turnedAway.file().id()).block())) {
			assertThat(compact(receipt)).contains("受理情况不予受理（详见不予受理通知书）").doesNotContain("已收件，待受理");
		}
	}

	@Test
	void theDecisionsDownloadWithTheProgressLinksKeyOnly() {
		StoredCase refused = casework.act(file().file().id(), REVIEWER, file -> ctx -> file.refuse("hukou", "不符合条件", ctx)).block();
		String code = refused.file().receiptCode();
		String key = links.keyFor(code);

		web.get().uri("/cases/{code}/refusals/hukou.pdf?k={k}", code, key).exchange()
				.expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF);
		web.get().uri("/cases/{code}/refusals/hukou.pdf?k={k}", code, "wrong").exchange().expectStatus().isNotFound();
		web.get().uri("/cases/{code}/refusals/insurance.pdf?k={k}", code, key).exchange().expectStatus().isNotFound();
		web.get().uri("/cases/{code}/refusals/nosuch.pdf?k={k}", code, key).exchange().expectStatus().isNotFound();
		web.get().uri("/cases/{code}/non-acceptance.pdf?k={k}", code, key).exchange().expectStatus().isNotFound();
	}

	private StoredCase file() {
		return casework.submit(TermsFixture.parallelTerms(), new Applicant("张三丰", "45142119900101123X", "13812345678"),
				Map.of(), Map.of(), List.of(), WINDOW).block();
	}

	private static String compact(PDDocument document) throws IOException {
		return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
	}
}
