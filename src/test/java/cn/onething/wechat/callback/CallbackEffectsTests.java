package cn.onething.wechat.callback;

import cn.onething.wechat.DeliveryReported;
import cn.onething.wechat.DeliveryStatus;
import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.fake.FakeEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each push means (docs/wechat.md §2.4, §3.4, §4.3), decided without a database. */
class CallbackEffectsTests {

	@Test
	void aNonFollowerScanningFollowsWithTheQrscenePrefixAndIsBoundToTheScene() {
		CallbackEffects effects = effects(FakeEvents.subscribe("oNEW", "case-42", "T"));

		assertThat(effects.scanned()).contains(new WechatScanned("oNEW", "case-42"));
		assertThat(effects.replyText()).contains(CallbackEffects.SCANNED_REPLY);
	}

	@Test
	void aFollowerScanningIsBoundToTheSceneWithoutPrefix() {
		assertThat(effects(FakeEvents.scan("oOLD", "case-42", "T")).scanned()).contains(new WechatScanned("oOLD", "case-42"));
	}

	@Test
	void aPlainFollowWithoutCodeBindsNothing() {
		CallbackEffects effects = effects(FakeEvents.plainSubscribe("oNEW"));

		assertThat(effects.scanned()).isEmpty();
		assertThat(effects.replyText()).isEmpty();
	}

	@Test
	void eachTemplateStatusMeansWhatSection24Says() {
		assertThat(CallbackEffects.templateStatus("success")).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(CallbackEffects.templateStatus("failed:user block")).isEqualTo(DeliveryStatus.BLOCKED_BY_USER);
		assertThat(CallbackEffects.templateStatus("failed: system failed")).isEqualTo(DeliveryStatus.SYSTEM_FAILED);
		assertThat(CallbackEffects.templateStatus("failed:freq limit")).isEqualTo(DeliveryStatus.FAILED);
	}

	@Test
	void aTemplateJobFinishReportsItsMsgidLosslessly() {
		assertThat(effects(FakeEvents.templateFinished("oU", 9007199254740993L, "failed: system failed")).deliveries())
				.containsExactly(new DeliveryReported("9007199254740993", "oU", DeliveryStatus.SYSTEM_FAILED, "failed: system failed"));
	}

	@Test
	void aSubscribeSentEventReportsEachNotice() {
		assertThat(effects(FakeEvents.subscribeSent("oU", "TPL", 77)).deliveries())
				.containsExactly(new DeliveryReported("77", "oU", DeliveryStatus.DELIVERED, "success"));
	}

	@Test
	void aUserMessageNeedsNothing() {
		CallbackEffects effects = effects(FakeEvents.text("oU", 1, "你好"));

		assertThat(effects.scanned()).isEmpty();
		assertThat(effects.deliveries()).isEmpty();
	}

	private static CallbackEffects effects(String xml) {
		return CallbackEffects.of(CallbackXml.parse(xml));
	}
}
