package cn.onething.system;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics leave the application port; only a management port of their own serves them. */
class MetricsOnManagementPortTests {

	@Test
	void withoutAManagementPortOnlyHealthAndInfoAreExposed() {
		assertThat(exposureWith(new MockEnvironment())).isEqualTo("health,info");
		assertThat(exposureWith(new MockEnvironment().withProperty("management.server.port", "8080"))).isEqualTo("health,info");
		assertThat(exposureWith(new MockEnvironment().withProperty("server.port", "9000")
				.withProperty("management.server.port", "9000"))).isEqualTo("health,info");
	}

	@Test
	void aManagementPortOfItsOwnServesTheMetrics() {
		assertThat(exposureWith(new MockEnvironment().withProperty("management.server.port", "8081")))
				.isEqualTo("health,info,prometheus,metrics");
		assertThat(exposureWith(new MockEnvironment().withProperty("server.port", "0")
				.withProperty("management.server.port", "0"))).as("a random port of its own").contains("prometheus");
	}

	@Test
	void anOperatorsOwnExposureIsKept() {
		assertThat(exposureWith(new MockEnvironment().withProperty(MetricsOnManagementPort.EXPOSURE, "health")))
				.isEqualTo("health");
	}

	private static String exposureWith(MockEnvironment environment) {
		new MetricsOnManagementPort().postProcessEnvironment(environment, null);
		return environment.getProperty(MetricsOnManagementPort.EXPOSURE);
	}
}
