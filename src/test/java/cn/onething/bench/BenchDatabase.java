package cn.onething.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.onething.system.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A new, empty database for one benchmark. By default on a PostgreSQL of the benchmark's own that flushes every
 * commit to disk (fsync and synchronous_commit on), as a production server does: the embedded server of the tests
 * runs with fsync off, where a commit costs nothing and the figures would flatter every contender.
 * {@code BENCH_DATABASE=tests} (or the system property {@code bench.database=tests}, as the smoke runs set it) uses
 * the tests' server instead (the embedded one, or SPRING_R2DBC_URL's).
 */
record BenchDatabase(String r2dbcUrl, String user, String password) {

	/** The system property that, set to {@code tests}, does what {@code BENCH_DATABASE=tests} does. */
	static final String CHOICE = "bench.database";

	private static final AtomicInteger NEXT = new AtomicInteger();
	private static EmbeddedPostgres durableServer;

	static BenchDatabase create() {
		return "tests".equals(System.getProperty(CHOICE, System.getenv("BENCH_DATABASE"))) ? onTheTestsServer()
				: onADurableServer();
	}

	private static BenchDatabase onTheTestsServer() {
		Map<String, Supplier<Object>> settings = new HashMap<>();
		TestDatabase.registerFresh(settings::put);
		return new BenchDatabase((String) settings.get("spring.r2dbc.url").get(),
				(String) settings.get("spring.r2dbc.username").get(), (String) settings.get("spring.r2dbc.password").get());
	}

	private static synchronized BenchDatabase onADurableServer() {
		if (durableServer == null) {
			try {
				durableServer = EmbeddedPostgres.builder()
						.setServerConfig("fsync", "on")
						.setServerConfig("synchronous_commit", "on")
						.setServerConfig("full_page_writes", "on")
						.setServerConfig("max_connections", "400")
						.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("could not start the benchmark's PostgreSQL", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(BenchDatabase::stopDurableServer));
		}
		String server = "postgresql://localhost:" + durableServer.getPort() + "/";
		BenchDatabase postgres = new BenchDatabase("r2dbc:" + server + "postgres", "postgres", "postgres");
		String name = "bench_" + NEXT.incrementAndGet();
		postgres.execute("create database " + name);
		return new BenchDatabase("r2dbc:" + server + name, "postgres", "postgres");
	}

	private static void stopDurableServer() {
		try {
			durableServer.close();
		}
		catch (IOException ignored) {
			// the JVM is exiting; the throw-away data folder goes with it
		}
	}

	String jdbcUrl() {
		return "jdbc:" + r2dbcUrl.substring("r2dbc:".length());
	}

	Map<String, Object> serviceSettings() {
		return Map.of("spring.r2dbc.url", r2dbcUrl, "spring.r2dbc.username", user, "spring.r2dbc.password", password);
	}

	void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}

	long count(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}

	/** The server's version and the settings that decide what a commit costs, for the figures' heading. */
	String commitSettings() {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select current_setting('server_version'), current_setting('fsync'), "
						+ "current_setting('synchronous_commit')")) {
			result.next();
			return "PostgreSQL " + result.getString(1) + " (fsync " + result.getString(2) + ", synchronous_commit "
					+ result.getString(3) + ")";
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), user, password);
	}
}
