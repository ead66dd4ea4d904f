package cn.onething.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import cn.onething.casework.Glossary;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Completion;
import cn.onething.casework.model.Flag;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Hall;
import cn.onething.system.HeadlessChromium;
import cn.onething.wechat.fake.FakeMessages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case told about in its three channels, the progress page, the PDFs and the WeChat pushes (at the fake WeChat),
 * each in the words of the applicant glossary ({@link Glossary}): one name for the receipt code, 收件 until the case
 * is accepted and 受理 from then on, the result with where and when to collect it and the window's phone.
 */
class ApplicantGlossaryTests extends NotifyingService {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	WebTestClient web;

	@BeforeEach
	void theHall() {
		catalog.importGuides("test").block();
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void thePageThePdfAndThePushSayReceivedThenAcceptedThenDoneInTheSameWords() throws IOException {
		StoredCase stored = submitted();
		String code = stored.file().receiptCode();
		String openid = boundFollower(stored);

		String received = page(code, null);
		assertThat(received).contains(Glossary.RECEIPT_CODE, Glossary.RECEIVED_ON, Glossary.RECEIVED_AWAITING_CHECK)
				.doesNotContain(Glossary.ACCEPTED_ON, "办件编号");
		assertThat(pdf(links.receiptPdfPath(code))).contains("收件回执", Glossary.RECEIPT_CODE + code,
				Glossary.RECEIVED_AWAITING_CHECK).doesNotContain("办件编号", "受理回执", Glossary.ACCEPTED_ON);

		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
		awaitPush(openid, "accepted", "delivered");
		assertThat(lastStatusTo(openid)).isEqualTo(Glossary.ACCEPTED);
		assertThat(page(code, null)).contains(Glossary.ACCEPTED_ON, "已受理，办理中");
		assertThat(pdf(links.receiptPdfPath(code))).contains("受理回执", Glossary.ACCEPTED_ON).doesNotContain("收件回执");

		approve(stored, "card", "社保卡请到人社窗口领取");
		awaitPush(openid, "completed", "delivered");
		assertThat(lastStatusTo(openid)).isEqualTo(Glossary.result(Completion.Result.APPROVED));
		Hall hall = catalog.current().hall();
		assertThat(page(code, null)).contains("办理结果：" + Glossary.result(Completion.Result.APPROVED),
				"社保卡请到人社窗口领取", "领取地点：" + hall.name(), "领取时间：" + hall.hours(), "窗口电话：" + hall.phone());
	}

	@Test
	void aOneTimeNoticeSaysTheReceiptCodeOnThePdfAndTheGlossarysWordInThePush() throws IOException {
		StoredCase stored = submitted();
		String code = stored.file().receiptCode();
		String openid = boundFollower(stored);

		casework.act(stored.file().id(), REVIEWER, file -> context -> file.flag("hukou", List.of(
				new Flag(null, "household-register", null, Flag.Problem.MISSING, "未带户口簿")), context)).block();
		approve(stored, "insurance", null);
		awaitPush(openid, "notice", "delivered");

		assertThat(lastStatusTo(openid)).isEqualTo(Glossary.AWAITING_CORRECTION);
		assertThat(page(code, null)).contains(Glossary.AWAITING_CORRECTION);
		assertThat(pdf(links.progressPath(code).replace("?", "/notices/1.pdf?")))
				.contains("（" + Glossary.RECEIPT_CODE + code + "）").doesNotContain("办件编号");
	}

	@Test
	void insideWechatTheProgressPageSaysLongPressTheCodeAndElsewhereScanIt() {
		String code = submitted().file().receiptCode();

		assertThat(page(code, HeadlessChromium.WECHAT_ANDROID)).contains("长按识别二维码并关注公众号").doesNotContain("扫描");
		assertThat(page(code, "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"))
				.contains("用微信扫描二维码并关注公众号").doesNotContain("长按识别");
	}

	private String lastStatusTo(String openid) {
		List<FakeMessages.Delivery> deliveries = deliveriesTo(openid);
		return deliveries.get(deliveries.size() - 1).rendered().get("phrase3");
	}

	private String page(String code, String userAgent) {
		return web.get().uri(links.progressPath(code))
				.headers(headers -> {
					if (userAgent != null) {
						headers.set(HttpHeaders.USER_AGENT, userAgent);
					}
				})
				.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}

	private String pdf(String path) throws IOException {
		byte[] pdf = web.get().uri(path).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
		}
	}
}
