package cn.onething.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives an integration test a database of its own on a real PostgreSQL: the server named by SPRING_R2DBC_URL when
 * it is set (CI may use the machine's PostgreSQL), otherwise the embedded one every test shares.
 */
public final class TestDatabase {

	private static final AtomicInteger NEXT = new AtomicInteger();

	private TestDatabase() {
	}

	/** Creates an empty database and points the Spring context's R2DBC settings at it. */
	public static void registerFresh(DynamicPropertyRegistry registry) {
		String name = "test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
		Server server = server();
		try (Connection connection = DriverManager.getConnection(server.jdbcBase() + "postgres", server.user(), server.password());
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create test database " + name, e);
		}
		registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://" + server.hostPort() + "/" + name);
		registry.add("spring.r2dbc.username", server::user);
		registry.add("spring.r2dbc.password", server::password);
	}

	private record Server(String hostPort, String user, String password) {
		String jdbcBase() {
			return "jdbc:postgresql://" + hostPort + "/";
		}
	}

	private static Server server() {
		String external = System.getenv("SPRING_R2DBC_URL");
		if (external != null && !external.isBlank()) {
			String hostPort = external.replaceFirst("^r2dbc:(pool:)?postgresql://", "").replaceFirst("/.*$", "");
			return new Server(hostPort, envOr("SPRING_R2DBC_USERNAME", "postgres"), envOr("SPRING_R2DBC_PASSWORD", ""));
		}
		return new Server("localhost:" + EmbeddedPostgresEnvironment.start(null).getPort(), "postgres", "postgres");
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}
}
