package cn.onething.system;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}) are served only on a management port of their
 * own ({@code management.server.port}), never on the port the Ingress publishes: they name routes, queues and
 * failure counts that are nobody's business outside. Health and info stay on the application port for a single
 * process without a management port. An operator who sets {@code management.endpoints.web.exposure.include}
 * decides alone.
 */
public class MetricsOnManagementPort implements EnvironmentPostProcessor, Ordered {

	static final String EXPOSURE = "management.endpoints.web.exposure.include";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(EXPOSURE)) {
			return;
		}
		String exposed = hasOwnPort(environment) ? "health,info,prometheus,metrics" : "health,info";
		environment.getPropertySources().addLast(new MapPropertySource("metricsOnManagementPort", Map.of(EXPOSURE, exposed)));
	}

	/** Port 0 is a random port of its own; a port equal to the server's is the application port. */
	private static boolean hasOwnPort(ConfigurableEnvironment environment) {
		String management = environment.getProperty("management.server.port");
		if (management == null || management.isBlank() || management.equals("-1")) {
			return false;
		}
		return management.equals("0") || !management.equals(environment.getProperty("server.port", "8080"));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
