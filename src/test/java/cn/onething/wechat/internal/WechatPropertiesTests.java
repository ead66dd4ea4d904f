package cn.onething.wechat.internal;

import java.time.Duration;

import cn.onething.wechat.fake.FakeWechat;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Start-up checks: a wrong setting stops the service with a message that names the property. */
class WechatPropertiesTests {

	@Test
	void anAesKeyOfTheWrongLengthNamesTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> WechatFixture.withAesKey("tooShort"))
				.withMessageContaining("onething.wechat.aes-key").withMessageContaining("43");
	}

	@Test
	void anAesKeyWithOtherCharactersNamesTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> WechatFixture.withAesKey("abcdefghijklmnopqrstuvwxyz0123456789ABCDE+/"))
				.withMessageContaining("onething.wechat.aes-key");
	}

	@Test
	void anAppIdWithoutSecretNamesBoth() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("wx1", null, "https://api.weixin.qq.com", Duration.ofDays(7)))
				.withMessageContaining("onething.wechat.app-id").withMessageContaining("onething.wechat.secret");
	}

	@Test
	void aQrExpiryBeyondThirtyDaysIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(null, null, "https://api.weixin.qq.com", Duration.ofDays(31)))
				.withMessageContaining("onething.wechat.qr-expiry");
	}

	@Test
	void aHostLosesItsTrailingSlashSoUrlsHaveNoDoubleSlash() {
		assertThat(properties(null, null, "http://proxy.example.cn/", Duration.ofDays(7)).apiHost()).isEqualTo("http://proxy.example.cn");
	}

	@Test
	void aHostThatIsNotAnAddressNamesTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(null, null, "api.weixin.qq.com", Duration.ofDays(7)))
				.withMessageContaining("onething.wechat.api-host");
	}

	@Test
	void withoutAppIdTheModuleRunsInDevMode() {
		assertThat(properties(null, null, "https://api.weixin.qq.com", Duration.ofDays(7)).devMode()).isTrue();
		assertThat(WechatFixture.withAesKey(FakeWechat.AES_KEY).devMode()).isFalse();
	}

	private static WechatProperties properties(String appId, String secret, String apiHost, Duration qrExpiry) {
		return new WechatProperties(appId, secret, null, null, null, apiHost, "https://mp.weixin.qq.com",
				"https://open.weixin.qq.com", "http://localhost:8080", Duration.ofSeconds(5), Duration.ofSeconds(5), 8, 100,
				qrExpiry, Duration.ofMinutes(5), DataSize.ofKilobytes(64));
	}
}
