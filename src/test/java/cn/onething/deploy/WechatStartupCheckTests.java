package cn.onething.deploy;

import java.util.Map;

import cn.onething.wechat.fake.FakeWechat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replica whose WeChat settings are wrong stops at start-up with one line naming the setting, as for the database:
 * a key of the wrong length, or an app id and secret the (fake) WeChat refuses. WeChat being out of reach is not a
 * wrong setting: the replica starts and its sends retry later.
 */
@ExtendWith(OutputCaptureExtension.class)
class WechatStartupCheckTests {

	static final FakeWechat FAKE = FakeWechat.start();

	@AfterAll
	static void stopFake() {
		FAKE.close();
	}

	@Test
	void anAesKeyOfTheWrongLengthStopsStartUpNamingTheSetting(CapturedOutput output) {
		Map<String, String> settings = account(FakeWechat.SECRET);
		settings.put("onething.wechat.aes-key", "too-short");

		assertThatThrownBy(() -> Replica.start(settings)).rootCause().hasMessageContaining("onething.wechat.aes-key");
		assertThat(output).contains("onething.wechat.aes-key").contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
	}

	@Test
	void aSecretWechatRefusesStopsStartUpWithOneLineThatDoesNotShowIt(CapturedOutput output) {
		String wrong = "wrong-secret-0123456789abcdef000";

		assertThatThrownBy(() -> Replica.start(account(wrong)))
				.rootCause().message().startsWith("ONETHING_WECHAT_SECRET: WeChat refused the secret for this app id (40125");
		assertThat(output).contains("ONETHING_WECHAT_SECRET: WeChat refused the secret").doesNotContain(wrong)
				.doesNotContain("\tat ");
	}

	@Test
	void theRightSecretStartsAndSoDoesAWechatOutOfReach() {
		try (ConfigurableApplicationContext right = Replica.start(account(FakeWechat.SECRET))) {
			assertThat(right.isActive()).isTrue();
		}
		Map<String, String> unreachable = account(FakeWechat.SECRET);
		unreachable.put("onething.wechat.api-host", "http://127.0.0.1:9");
		try (ConfigurableApplicationContext started = Replica.start(unreachable)) {
			assertThat(started.isActive()).isTrue();
		}
	}

	private static Map<String, String> account(String secret) {
		Map<String, String> settings = Replica.onFreshDatabase();
		settings.put("onething.wechat.app-id", FakeWechat.APP_ID);
		settings.put("onething.wechat.secret", secret);
		settings.put("onething.wechat.api-host", FAKE.url());
		settings.put("onething.wechat.mp-host", FAKE.url());
		settings.put("onething.wechat.open-host", FAKE.url());
		settings.put("onething.wechat.connect-timeout", "1s");
		return settings;
	}
}
