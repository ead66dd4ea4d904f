package cn.onething.casework.web.applicant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.bundle.FormField;
import cn.onething.catalog.Catalog;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.StepState;
import cn.onething.casework.web.NewbornAnswers;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/** An applicant files a shipped bundle from its one combined form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BundleApplicationsTests {

	static final byte[] PDF = "%PDF-1.4\n%parents' ID cards\n".getBytes(StandardCharsets.US_ASCII);

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

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	Bundle newborn;

	@BeforeEach
	void catalogueAndBundlesLoaded() {
		catalog.importGuides("test").block();
		bundles.importBundles("test").block();
		newborn = bundles.bundle("newborn").orElseThrow();
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aCompleteFormFilesOneCaseWithTheBundlesPlanAndOpensItsProgressPage() {
		String location = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromFormData(answers()))
				.exchange().expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation().toString();

		String receiptCode = receiptCodeIn(location);
		StoredCase stored = casework.byReceiptCode(receiptCode).block();
		assertThat(stored.file().terms().bundleName()).isEqualTo(newborn.name());
		assertThat(stored.file().steps()).hasSize(newborn.plan().steps().size());
		assertThat(stored.file().steps()).anyMatch(s -> s.state() == StepState.ACTIVE);
		assertThat(stored.guideVersions()).containsOnlyKeys(newborn.items().stream().map(i -> i.code()).toList());
		assertThat(web.get().uri(location).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
				.contains("申请已提交", receiptCode);
	}

	@Test
	void aWrongIdNumberIsNamedAndNothingIsFiled() {
		MultiValueMap<String, String> answers = answers();
		answers.set("applicant.idNumber", "110105194912310021");

		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromFormData(answers))
				.exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();

		String label = newborn.form().field("applicant.idNumber").map(FormField::label).orElseThrow();
		assertThat(page).contains("申请尚未提交", label, "校验");
	}

	@Test
	void materialFilesSentWithTheFormAreStoredWithTheCase() {
		MultipartBodyBuilder body = multipart(answers());
		body.part("material.parents-id", file("parents-id.pdf", PDF));

		String location = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromMultipartData(body.build()))
				.exchange().expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation().toString();

		StoredCase stored = casework.byReceiptCode(receiptCodeIn(location)).block();
		assertThat(casework.materials(stored.file().id()).collectList().block()).singleElement().satisfies(material -> {
			assertThat(material.materialKey()).isEqualTo("parents-id");
			assertThat(material.fileName()).isEqualTo("parents-id.pdf");
			assertThat(material.contentType()).isEqualTo("application/pdf");
		});
	}

	@Test
	void aFileThatIsNotAPdfOrImageIsNamedByItsMaterialAndNothingIsFiled() {
		long casesBefore = casework.openCases().count().block();
		MultipartBodyBuilder body = multipart(answers());
		body.part("material.parents-id", file("parents-id.exe", "MZ not a document".getBytes(StandardCharsets.US_ASCII)));

		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromMultipartData(body.build()))
				.exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("申请尚未提交", "父母双方的居民身份证", "只能上传 PDF、JPG 或 PNG 文件");
		assertThat(casework.openCases().count().block()).isEqualTo(casesBefore);
	}

	/** The receipt code in the address of the progress page the applicant is sent to. */
	private static String receiptCodeIn(String location) {
		return location.replaceFirst("^/cases/", "").replaceFirst("\\?.*$", "");
	}

	/** A file part as a browser sends it, with its name. */
	private static ByteArrayResource file(String name, byte[] content) {
		return new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	private static MultipartBodyBuilder multipart(MultiValueMap<String, String> answers) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		answers.forEach((key, values) -> body.part(key, values.get(0)));
		return body;
	}

	@Test
	void everyWrongFieldIsNamedOnThePageAndNothingIsFiled() {
		MultiValueMap<String, String> answers = answers();
		answers.set("applicant.idNumber", "110105194912310021");
		answers.set("applicant.phone", "12345");
		answers.remove("child.name");
		answers.set("child.birthDate", "2999-01-01");
		long before = cases();

		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromFormData(answers))
				.exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("申请人身份证号码", "校验", "监护人手机号码",
				"应为11位手机号码", "新生儿姓名", "请填写新生儿姓名", "新生儿出生日期", "不能晚于今天");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aFormWithAProblemComesBackWithTheProblemByItsFieldEveryAnswerAndTheChosenFileKept() {
		MultiValueMap<String, String> answers = answers();
		answers.set("mother.name", "黄丽");
		answers.set("applicant.idNumber", "110105194912310021");
		answers.add("idempotencyKey", renderedFormKey());
		MultipartBodyBuilder body = multipart(answers);
		body.part("material.parents-id", file("父母身份证.pdf", PDF));
		long before = cases();

		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromMultipartData(body.build()))
				.exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("<title>新生儿出生一件事 申请表</title>", "申请尚未提交", "请修改下面标出的 1 处",
				"id=\"problem-applicant.idNumber\"", "value=\"黄丽\"", "value=\"110105194912310021\"",
				"已选择：父母身份证.pdf（已保存，不用重新选择", "name=\"idempotencyKey\" value=\"" + answers.getFirst("idempotencyKey") + "\"");
		assertThat(cases()).isEqualTo(before);

		answers.set("applicant.idNumber", NewbornAnswers.ID_NUMBER);
		answers.add("kept.material.parents-id", match(page, "name=\"kept.material.parents-id\" value=\"([^\"]+)\""));
		StoredCase stored = casework.byReceiptCode(receiptCodeIn(postForm(answers))).block();
		assertThat(casework.materials(stored.file().id()).collectList().block()).singleElement()
				.satisfies(material -> assertThat(material.fileName()).isEqualTo("父母身份证.pdf"));
	}

	@Test
	void aKeptFileTokenOfAnotherFormAttachesNothing() {
		MultiValueMap<String, String> first = answers();
		first.set("applicant.idNumber", "110105194912310021");
		first.add("idempotencyKey", renderedFormKey());
		MultipartBodyBuilder body = multipart(first);
		body.part("material.parents-id", file("父母身份证.pdf", PDF));
		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromMultipartData(body.build()))
				.exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();

		MultiValueMap<String, String> other = answers();
		other.add("idempotencyKey", renderedFormKey());
		other.add("kept.material.parents-id", match(page, "name=\"kept.material.parents-id\" value=\"([^\"]+)\""));
		other.add("kept.material.first-issue-form", "not-a-token");
		StoredCase stored = casework.byReceiptCode(receiptCodeIn(postForm(other))).block();

		assertThat(casework.materials(stored.file().id()).collectList().block()).isEmpty();
	}

	@Test
	void aSecondPostOfTheSameRenderedFormLandsOnTheSameReceipt() {
		MultiValueMap<String, String> answers = answers();
		answers.add("idempotencyKey", renderedFormKey());
		long before = cases();

		String first = postForm(answers);
		String second = postForm(answers);

		assertThat(second).isEqualTo(first);
		assertThat(cases()).isEqualTo(before + 1);
	}

	@Test
	void theSameFormSentBackWithChangedAnswersFilesNothingMore() {
		MultiValueMap<String, String> answers = answers();
		answers.add("idempotencyKey", renderedFormKey());
		postForm(answers);
		long after = cases();
		answers.set("child.name", "张小宝");

		String page = web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromFormData(answers))
				.exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("这份申请表已经提交过了", "重新打开申请表");
		assertThat(cases()).isEqualTo(after);
	}

	@Test
	void theFormPageMayBeKeptForGoingBackButHasAFreshKeyEachTime() {
		var rendered = web.get().uri("/bundles/newborn/form").exchange().expectStatus().isOk().expectBody(String.class).returnResult();

		assertThat(rendered.getResponseHeaders().getCacheControl()).isEqualTo("private, no-cache");
		assertThat(renderedFormKey()).isNotEqualTo(renderedFormKey());
	}

	private static String match(String page, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(page);
		assertThat(matcher.find()).as(regex).isTrue();
		return matcher.group(1);
	}

	private String renderedFormKey() {
		String page = web.get().uri("/bundles/newborn/form").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
		Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
		assertThat(key.find()).as("the form carries a one-time key").isTrue();
		return key.group(1);
	}

	/** Posts the form and answers where it was sent: the signed progress page. */
	private String postForm(MultiValueMap<String, String> answers) {
		return web.post().uri("/bundles/newborn/applications").body(BodyInserters.fromFormData(answers))
				.exchange().expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation().toString();
	}

	private long cases() {
		return db.sql("select count(*) as n from casework_application").map(row -> row.get("n", Long.class)).one().block();
	}

	/** An answer that satisfies each field's rule. */
	private MultiValueMap<String, String> answers() {
		MultiValueMap<String, String> answers = new LinkedMultiValueMap<>();
		NewbornAnswers.valid(newborn).forEach(answers::add);
		return answers;
	}
}
