package cn.onething.document.cases;

import java.time.Duration;

import cn.onething.casework.StoredCase;
import cn.onething.notification.CaseBindingCodes;
import cn.onething.wechat.fake.Fault;
import cn.onething.wechat.fake.FakeWechat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A receipt waits for WeChat only {@code onething.documents.wechat-code-wait} (here shorter than WeChat's answer,
 * which in turn comes before WxJava's read timeout of 2 s), so a slow WeChat never holds up the window.
 */
@TestPropertySource(properties = "onething.documents.wechat-code-wait=500ms")
class ReceiptWhileWechatIsSlowTests extends ReceiptsAgainstFakeWechat {

	@Autowired
	CaseBindingCodes bindingCodes;

	@Test
	void theReceiptDoesNotWaitForASlowWechatAndTheCodeMadeMeanwhileIsKeptForTheNextPrint() {
		StoredCase stored = submitted();
		int before = codesMade();
		FAKE.failNext(FakeWechat.QRCODE_CREATE_PATH, Fault.slow(Duration.ofMillis(1300)));

		PrintedReceipt receipt = receiptOf(stored);

		assertThat(receipt.codes()).containsExactly(progressUrl(stored));
		assertThat(receipt.text()).contains(BIND_ON_THE_PROGRESS_PAGE).doesNotContain("微信扫一扫");
		await().until(() -> storedExpiry(stored) != null);
		String kept = bindingCodes.forPrint(stored.file().receiptCode()).block().url();
		assertThat(FAKE.qrCodes().byUrl(kept)).hasValueSatisfying(code -> assertThat(code.scene())
				.isEqualTo(scenes.sceneFor(stored.file().receiptCode())));
		assertThat(codesMade()).isEqualTo(before + 1);
	}
}
