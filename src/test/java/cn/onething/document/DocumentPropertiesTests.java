package cn.onething.document;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** onething.documents.* is checked at start-up, and a mistake names the property. */
class DocumentPropertiesTests {

	@Test
	void aReceiptThatWouldNotWaitAtAllOrForeverForItsWechatCodeIsRefused() {
		assertThatThrownBy(() -> new DocumentProperties(Duration.ZERO))
				.hasMessageContaining("onething.documents.wechat-code-wait");
		assertThatThrownBy(() -> new DocumentProperties(null))
				.hasMessageContaining("onething.documents.wechat-code-wait");
	}
}
