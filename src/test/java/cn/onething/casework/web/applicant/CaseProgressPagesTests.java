package cn.onething.casework.web.applicant;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.Flag;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/** An applicant following a case: by the signed link, or by receipt code and phone; correcting from the phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseProgressPagesTests {

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

	WebTestClient web;

	StoredCase stored;

	@BeforeEach
	void aSubmittedCase() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		stored = casework.submit(TermsFixture.parallelTerms(), new Applicant("张三丰", "45142119900101123X", "13812345678"),
				Map.of(), Map.of(), List.of(), Actor.applicant()).block();
	}

	@Test
	void theReceiptCodeAndTheLastFourPhoneDigitsOpenTheSignedProgressPage() {
		String location = web.post().uri("/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("code", stored.file().receiptCode().toLowerCase()).with("phoneTail", "5678"))
				.exchange().expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation().toString();

		assertThat(location).isEqualTo(links.progressPath(stored.file().receiptCode()));
		assertThat(page(location)).contains("新生儿出生一件事", stored.file().receiptCode(), "张**", "审查中", "出生登记")
				.doesNotContain("张三丰", "13812345678");
	}

	@Test
	void aWrongPhoneAndAnUnknownCodeGetTheSameAnswer() {
		String wrongPhone = lookup(stored.file().receiptCode(), "0000");
		String unknownCode = lookup("FS22222222", "5678");

		assertThat(wrongPhone).contains("回执编号或手机号后四位不正确");
		assertThat(unknownCode).contains("回执编号或手机号后四位不正确");
	}

	@Test
	void fiveWrongPhoneTailsInARowLockTheLookupOfThatCodeForAWhile() {
		for (String wrong : List.of("0001", "0002", "0003", "0004")) {
			assertThat(lookup(stored.file().receiptCode(), wrong)).contains("回执编号或手机号后四位不正确");
		}

		String fifth = web.post().uri("/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("code", stored.file().receiptCode()).with("phoneTail", "0005"))
				.exchange().expectStatus().isEqualTo(429).expectBody(String.class).returnResult().getResponseBody();

		assertThat(fifth).contains("查询错误次数过多", "15 分钟后再试", "二维码");
		web.post().uri("/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("code", stored.file().receiptCode()).with("phoneTail", "5678"))
				.exchange().expectStatus().isEqualTo(429);
		assertThat(page(links.progressPath(stored.file().receiptCode()))).as("the signed link still opens the case")
				.contains(stored.file().receiptCode());
	}

	@Test
	void aProgressLinkWithoutTheRightKeyAsksForThePhoneDigits() {
		web.get().uri("/cases/" + stored.file().receiptCode() + "?k=forged").exchange()
				.expectStatus().is3xxRedirection().expectHeader().location("/cases?code=" + stored.file().receiptCode());
	}

	@Test
	void theOneTimeNoticeListsEveryItemAndTheApplicantCorrectsFromThePhone() {
		String id = stored.file().id();
		Actor reviewer = new Actor(Actor.Kind.REVIEWER, "r", "审核员");
		casework.act(id, reviewer, f -> ctx -> f.flag("hukou", List.of(new Flag(null, "household-register", null, Flag.Problem.MISSING, "请提供父母双方户口簿")), ctx)).block();
		casework.act(id, reviewer, f -> ctx -> f.flag("insurance", List.of(new Flag(null, "birth-certificate", null, Flag.Problem.DEFECTIVE, "出生医学证明照片不清晰")), ctx)).block();
		String path = links.progressPath(stored.file().receiptCode());

		assertThat(page(path)).contains("需要补正的材料（一次性告知）", "居民户口簿（缺少）", "请提供父母双方户口簿",
				"出生医学证明（不符合要求）", "出生医学证明照片不清晰");

		MultipartBodyBuilder form = new MultipartBodyBuilder();
		form.part("material.household-register", new ByteArrayResource("%PDF-1.4 hukou".getBytes(StandardCharsets.US_ASCII)) {
			@Override
			public String getFilename() {
				return "户口簿.pdf";
			}
		});
		web.post().uri("/cases/" + stored.file().receiptCode() + "/correction?k=" + links.keyFor(stored.file().receiptCode()))
				.body(BodyInserters.fromMultipartData(form.build())).exchange().expectStatus().is3xxRedirection();

		assertThat(casework.byId(id).block().file().status()).isEqualTo(CaseStatus.REVIEWING);
	}

	@Test
	void aCorrectionFileOverTheUploadLimitIsRefusedOnTheProgressPageAndNothingIsStored() {
		String id = stored.file().id();
		Actor reviewer = new Actor(Actor.Kind.REVIEWER, "r", "审核员");
		casework.act(id, reviewer, f -> ctx -> f.flag("hukou", List.of(new Flag(null, "household-register", null, Flag.Problem.MISSING, "请提供父母双方户口簿")), ctx)).block();
		casework.act(id, reviewer, f -> ctx -> f.flag("insurance", List.of(new Flag(null, "birth-certificate", null, Flag.Problem.DEFECTIVE, "出生医学证明照片不清晰")), ctx)).block();
		CaseStatus waiting = casework.byId(id).block().file().status();
		MultipartBodyBuilder form = new MultipartBodyBuilder();
		byte[] scan = java.util.Arrays.copyOf("%PDF-1.4 hukou".getBytes(StandardCharsets.US_ASCII), 11 * 1024 * 1024);
		form.part("material.household-register", new ByteArrayResource(scan) {
			@Override
			public String getFilename() {
				return "户口簿.pdf";
			}
		});

		String page = web.post().uri("/cases/" + stored.file().receiptCode() + "/correction?k=" + links.keyFor(stored.file().receiptCode()))
				.body(BodyInserters.fromMultipartData(form.build())).exchange()
				.expectStatus().isEqualTo(413).expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).contains("有一个文件超过 10 MB 的上限", "需要补正的材料（一次性告知）");
		assertThat(casework.byId(id).block().file().status()).isEqualTo(waiting);
		assertThat(casework.materials(id).collectList().block()).isEmpty();
	}

	private String lookup(String code, String phoneTail) {
		return web.post().uri("/cases").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("code", code).with("phoneTail", phoneTail))
				.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private String page(String path) {
		return web.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}
}
