package cn.onething.document.cases;

import java.net.URI;
import java.util.stream.Stream;

import cn.onething.casework.StoredCase;
import cn.onething.wechat.fake.Fault;
import cn.onething.wechat.fake.FakeQrCodes;
import cn.onething.wechat.fake.FakeWechat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance receipt prints the case's parametric QR code (带参数二维码) beside the progress page's, so an applicant
 * who takes the paper home follows the official account and binds the case with one scan. The code is made once at
 * WeChat; when WeChat refuses, the receipt is printed all the same and says how to bind from the progress page.
 */
class ReceiptWechatCodeTests extends ReceiptsAgainstFakeWechat {

	@Test
	void theReceiptPrintsTheCasesParametricCodeBesideTheProgressPagesAndScanningItFollowsAndBinds() {
		StoredCase stored = submitted();

		PrintedReceipt receipt = receiptOf(stored);

		assertThat(receipt.codes()).hasSize(2).contains(progressUrl(stored));
		String printed = receipt.codes().stream().filter(code -> !code.equals(progressUrl(stored))).findFirst().orElseThrow();
		FakeQrCodes.Code code = FAKE.qrCodes().byUrl(printed).orElseThrow(() -> new AssertionError("WeChat made no code " + printed));
		assertThat(code.scene()).isEqualTo(scenes.sceneFor(stored.file().receiptCode()));
		assertThat(receipt.text()).contains("扫码查看办理进度", "微信扫一扫关注公众号，接收办理进度通知", validThrough(storedExpiry(stored)))
				.doesNotContain(BIND_ON_THE_PROGRESS_PAGE);

		String applicant = "oPAPER" + System.nanoTime();
		FAKE.qrCodes().scan(applicant, code.ticket());

		await().until(() -> bound(stored, applicant));
		// the scan made the applicant a follower, so pushes reach them (no 43004)
		awaitPush(applicant, "bound", "delivered");
	}

	@Test
	void aSecondReceiptPrintsTheStoredCodeWithoutAskingWechatAgain() {
		StoredCase stored = submitted();
		int before = codesMade();

		PrintedReceipt first = receiptOf(stored);
		PrintedReceipt second = receiptOf(stored);

		assertThat(second.codes()).hasSize(2).isEqualTo(first.codes());
		assertThat(codesMade()).isEqualTo(before + 1);
	}

	@Test
	void aCodeThatDiesWithinADayIsReplacedOnTheReceiptWhileThePageStillShowsIt() {
		StoredCase stored = submitted();
		String receipt = stored.file().receiptCode();
		PrintedReceipt first = receiptOf(stored);
		db.sql("update notification_binding_qr set expires_at = now() + interval '2 hours' where receipt_code = :receipt")
				.bind("receipt", receipt).fetch().rowsUpdated().block();
		int before = codesMade();

		URI shown = web.get().uri("/cases/{code}/wechat.png?k={k}", receipt, links.keyFor(receipt)).exchange()
				.expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
		assertThat(codesMade()).as("the page shows a code that lives another hour").isEqualTo(before);
		PrintedReceipt second = receiptOf(stored);

		assertThat(codesMade()).isEqualTo(before + 1);
		assertThat(second.codes()).hasSize(2).contains(progressUrl(stored)).isNotEqualTo(first.codes());
		assertThat(FAKE.qrCodes().byUrl(shown.toString())).isEmpty();
	}

	static Stream<Fault> refusals() {
		return Stream.of(Fault.errcode(45009), Fault.errcode(-1), Fault.httpStatus(502));
	}

	@ParameterizedTest
	@MethodSource("refusals")
	void whenWechatRefusesTheReceiptIsPrintedWithoutItsCodeAndSaysHowToBindFromTheProgressPage(Fault refusal) {
		StoredCase stored = submitted();
		FAKE.failNext(FakeWechat.QRCODE_CREATE_PATH, refusal);

		PrintedReceipt receipt = receiptOf(stored);

		assertThat(receipt.codes()).containsExactly(progressUrl(stored));
		assertThat(receipt.text()).contains(BIND_ON_THE_PROGRESS_PAGE, "扫码查看办理进度").doesNotContain("微信扫一扫", "二维码有效期至");
		assertThat(receiptOf(stored).codes()).as("a refusal is not remembered: the next receipt asks again").hasSize(2);
	}
}
