package cn.onething.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL process when no database is configured, so that the README's run command and the test
 * suite work on a machine that has nothing but a JDK. One process per JVM: every Spring context in a test run
 * shares it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String DATA_DIR = "onething.database.embedded-data-dir";

	private static EmbeddedPostgres running;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.r2dbc.url")) {
			return;
		}
		EmbeddedPostgres postgres = start(environment.getProperty(DATA_DIR));
		String hostAndPort = "localhost:" + postgres.getPort() + "/postgres";
		environment.getPropertySources().addLast(new MapPropertySource("embeddedPostgres", Map.of(
				"spring.r2dbc.url", "r2dbc:postgresql://" + hostAndPort,
				"spring.r2dbc.username", "postgres",
				"spring.r2dbc.password", "postgres",
				"onething.database.embedded", "true",
				"onething.identity.demo-accounts", "true")));
	}

	static synchronized EmbeddedPostgres start(String dataDir) {
		if (running == null) {
			try {
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
						.setServerConfig("max_connections", "400");
				if (dataDir != null && !dataDir.isBlank()) {
					// A named folder keeps the data between runs; the default is a throw-away folder.
					builder.setDataDirectory(Path.of(dataDir)).setCleanDataDirectory(false);
				}
				running = builder.start();
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresEnvironment::stop));
			}
			catch (IOException e) {
				throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
			}
		}
		return running;
	}

	private static void stop() {
		try {
			running.close();
		}
		catch (IOException ignored) {
			// the JVM is exiting; the throw-away data folder is removed with it
		}
	}

	@Override
	public int getOrder() {
		// after application.yaml and the environment are read, so an external URL there wins
		return Ordered.LOWEST_PRECEDENCE;
	}
}
