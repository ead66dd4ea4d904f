package cn.onething.wechat.callback;

import java.util.Map;

import cn.onething.wechat.AgainstFakeWechat;
import cn.onething.wechat.SendResult;
import cn.onething.wechat.TemplatePush;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/wechat.md §10.B.22. A Spring context of its own: starting another context re-initialises logging for the whole
 * JVM, which would undo the level this module sets when its context starts, and a test must see what production sees.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "onething.wechat.concurrency=2")
class TokenLoggingTests extends AgainstFakeWechat {

	@Test
	void b22_aFailedCallLeavesNoAccessTokenInTheLog(CapturedOutput output) {
		FAKE.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.errcode(40003));
		FAKE.messages().template("TPL-log", "thing1");
		FAKE.messages().follower("oLOG");

		assertThat(channel.sendTemplate(new TemplatePush("oLOG", "TPL-log", null, Map.of("thing1", "x"), "outbox-log")).block())
				.isInstanceOf(SendResult.Permanent.class);
		assertThat(FAKE.tokensUsed()).isNotEmpty().allSatisfy(token -> assertThat(output.getAll()).doesNotContain(token));
	}
}
