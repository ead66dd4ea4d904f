package cn.onething.deploy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import cn.onething.OnethingApplication;
import cn.onething.system.TestDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application the way a pod does, with its settings as command-line arguments (which outrank the
 * SPRING_R2DBC_URL a CI machine may export), but quiet: no import of guides/, no scheduled deadline check.
 */
public final class Replica {

	private Replica() {
	}

	/** Settings for a replica without a web server, on a database of its own (TestDatabase). */
	public static Map<String, String> onFreshDatabase() {
		Map<String, Supplier<Object>> registered = new HashMap<>();
		TestDatabase.registerFresh(registered::put);
		Map<String, String> settings = quiet();
		registered.forEach((name, value) -> settings.put(name, String.valueOf(value.get())));
		return settings;
	}

	public static Map<String, String> quiet() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.main.web-application-type", "none");
		settings.put("onething.catalog.import-on-startup", "false");
		settings.put("onething.casework.deadline-check-delay", "1h");
		return settings;
	}

	public static ConfigurableApplicationContext start(Map<String, String> settings) {
		String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return SpringApplication.run(OnethingApplication.class, arguments);
	}
}
