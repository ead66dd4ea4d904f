package cn.onething.bench;

import java.util.HashMap;
import java.util.Map;

import cn.onething.OnethingApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as a benchmark runs it: the real application context with its own settings (pool, outbox, WeChat
 * channel), on a database of its own, logging only warnings. The deadline check is put off so that it does not scan
 * the cases a benchmark creates in the middle of a measurement.
 */
final class BenchService {

	private BenchService() {
	}

	static ConfigurableApplicationContext start(BenchDatabase database, boolean web, Map<String, Object> settings,
			Class<?>... beans) {
		Map<String, Object> properties = new HashMap<>(database.serviceSettings());
		properties.put("logging.level.root", "WARN");
		properties.put("onething.catalog.import-on-startup", "false");
		properties.put("onething.casework.deadline-check-delay", "1h");
		properties.put("server.port", "0");
		properties.putAll(settings);
		return new SpringApplicationBuilder(OnethingApplication.class)
				.sources(beans)
				.web(web ? WebApplicationType.REACTIVE : WebApplicationType.NONE)
				.properties(properties)
				.run();
	}
}
