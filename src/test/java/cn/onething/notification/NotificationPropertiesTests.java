package cn.onething.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** onething.notification.* is checked at start-up, and a mistake names the property. */
class NotificationPropertiesTests {

	static final NotificationProperties.Keys KEYS = new NotificationProperties.Keys("character_string1", "thing2", "phrase3", "time4", "thing5");

	@Test
	void theDefaultsAreValidAndTheBaseAddressLosesItsTrailingSlash() {
		NotificationProperties properties = new NotificationProperties("tpl", KEYS, Duration.ofMinutes(2), "https://zwfw.example.cn/", "窗口", Duration.ofMinutes(8));

		assertThat(properties.publicBaseUrl()).isEqualTo("https://zwfw.example.cn");
	}

	@Test
	void aKeyThatIsNotATemplateKeyIsNamed() {
		assertThatThrownBy(() -> new NotificationProperties.Keys("character_string1", "thing 2", "phrase3", "time4", "thing5"))
				.hasMessageContaining("onething.notification.keys.matter").hasMessageContaining("thing 2");
		assertThatThrownBy(() -> new NotificationProperties.Keys("thing2", "thing2", "phrase3", "time4", "thing5"))
				.hasMessageContaining("five different template keys");
	}

	@Test
	void aMissingTemplateANegativeWindowOrAnAddressThatIsNoWebAddressAreRefused() {
		assertThatThrownBy(() -> new NotificationProperties(" ", KEYS, Duration.ofMinutes(2), "http://localhost:8080", "窗口", Duration.ofMinutes(8)))
				.hasMessageContaining("onething.notification.template-id");
		assertThatThrownBy(() -> new NotificationProperties("tpl", KEYS, Duration.ofMinutes(-1), "http://localhost:8080", "窗口", Duration.ofMinutes(8)))
				.hasMessageContaining("onething.notification.debounce-window");
		assertThatThrownBy(() -> new NotificationProperties("tpl", KEYS, Duration.ZERO, "zwfw.example.cn", "窗口", Duration.ofMinutes(8)))
				.hasMessageContaining("onething.notification.public-base-url");
	}

	@Test
	void aResendWindowAsLongAsWechatsDeduplicationIsRefused() {
		assertThatThrownBy(() -> new NotificationProperties("tpl", KEYS, Duration.ZERO, "http://localhost:8080", "窗口",
				Duration.ofMinutes(10))).hasMessageContaining("onething.notification.resend-window");
	}
}
