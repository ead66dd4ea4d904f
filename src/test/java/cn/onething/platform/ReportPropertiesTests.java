package cn.onething.platform;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code onething.platform.reports.*} as the service binds it at start-up: bad values stop it, naming the property. */
class ReportPropertiesTests {

	static ReportProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("onething.platform.reports", ReportProperties.class);
	}

	@Test
	void withNothingSetNoReportIsSent() {
		ReportProperties defaults = bind(Map.of());

		assertThat(defaults.configured()).isFalse();
		assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void anEndpointThatIsNoWebAddressIsRefusedNamingTheProperty() {
		assertThatThrownBy(() -> bind(Map.of("onething.platform.reports.endpoint", "ftp://gxzwfw.example.cn/reports")))
				.rootCause().hasMessage("onething.platform.reports.endpoint must be an http:// or https:// address, was ftp://gxzwfw.example.cn/reports");
		assertThatThrownBy(() -> bind(Map.of("onething.platform.reports.endpoint", "http:///reports")))
				.rootCause().hasMessageContaining("onething.platform.reports.endpoint names no host");
	}

	@Test
	void aTimeoutOfZeroOrNotADurationIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("onething.platform.reports.endpoint", "https://gxzwfw.example.cn/reports",
				"onething.platform.reports.timeout", "0s")))
				.rootCause().hasMessageContaining("onething.platform.reports.timeout must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("onething.platform.reports.timeout", "soon")))
				.hasMessageContaining("onething.platform.reports.timeout");
	}

	@Test
	void aWebAddressIsTaken() {
		assertThat(bind(Map.of("onething.platform.reports.endpoint", "https://gxzwfw.example.cn/api/reports")).configured()).isTrue();
	}
}
