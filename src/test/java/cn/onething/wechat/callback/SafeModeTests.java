package cn.onething.wechat.callback;

import cn.onething.wechat.fake.FakeCrypt;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.ReferenceVector;
import cn.onething.wechat.internal.WechatFixture;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/wechat.md §6.3: the test vector verified against WxJava, and round trips through an independent implementation.
 */
class SafeModeTests {

	final SafeMode safeMode = new SafeMode(WechatFixture.withAesKey(FakeWechat.AES_KEY));

	@Test
	void theReferenceVectorDecryptsToTheScanEvent() {
		SafeMode.Opened opened = openReference(safeMode);

		assertThat(opened.message().sender()).isEqualTo("oUSER");
		assertThat(opened.message().event()).isEqualTo("SCAN");
		assertThat(opened.message().field("EventKey")).isEqualTo("case-42");
		assertThat(opened.message().field("Ticket")).isEqualTo("TICKET");
	}

	@Test
	void aWrongMsgSignatureIsRefusedWithoutDecrypting() {
		assertThatThrownBy(() -> safeMode.open(safeBody(ReferenceVector.ENCRYPT), ReferenceVector.MSG_SIGNATURE.replace('1', '2'), ReferenceVector.TIMESTAMP, ReferenceVector.NONCE))
				.isInstanceOfSatisfying(CallbackRefused.class, refused -> assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN));
	}

	@Test
	void aSealedReplyOpensWithAnIndependentImplementationAndCarriesTheAppId() {
		String reply = "<xml><Content><![CDATA[已收到]]></Content></xml>";
		String sealed = openReference(safeMode).seal().apply(reply);

		String encrypt = between(sealed, "<Encrypt><![CDATA[", "]]></Encrypt>");
		String signature = between(sealed, "<MsgSignature><![CDATA[", "]]></MsgSignature>");
		String timestamp = between(sealed, "<TimeStamp>", "</TimeStamp>");
		String nonce = between(sealed, "<Nonce><![CDATA[", "]]></Nonce>");
		assertThat(FakeCrypt.signature(FakeWechat.TOKEN, timestamp, nonce, encrypt)).isEqualTo(signature);
		assertThat(FakeCrypt.decrypt(FakeWechat.AES_KEY, encrypt)).isEqualTo(new FakeCrypt.Opened(reply, FakeWechat.APP_ID));
	}

	@Test
	void afterAKeyRotationThePreviousKeyStillOpensPushes() {
		String newKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
		SafeMode rotated = new SafeMode(WechatFixture.withAesKeys(newKey, FakeWechat.AES_KEY));

		assertThat(openReference(rotated).message().sender()).isEqualTo("oUSER");
	}

	private static SafeMode.Opened openReference(SafeMode safeMode) {
		return safeMode.open(safeBody(ReferenceVector.ENCRYPT), ReferenceVector.MSG_SIGNATURE, ReferenceVector.TIMESTAMP, ReferenceVector.NONCE);
	}

	static String safeBody(String encrypt) {
		return "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}
}
