package cn.onething.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.postgresql.Driver;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks the database settings before any bean is built: a malformed SPRING_R2DBC_URL, a server that cannot be
 * reached, a wrong password or a missing database stop start-up with one line that names the setting (Spring
 * Boot's failure report), instead of a driver's stack trace from inside Flyway or the connection pool. A replica
 * without its database has nothing to serve; on Kubernetes it is restarted with back-off, and that line is what
 * the pod's log shows. Once running, losing the database is not fatal: readiness turns DOWN (the r2dbc health
 * check) and recovers when the database is back.
 */
@Component
class DatabaseSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

	/** Long enough for a database that is failing over, short enough to fail before Kubernetes' startup probe does. */
	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String url = environment.getProperty(DatabaseUrl.PROPERTY);
		if (url == null) {
			return; // no database at all: nothing here reads one (slices of the application in tests)
		}
		DatabaseUrl parsed = DatabaseUrl.parse(url);
		if (environment.getProperty("onething.database.embedded", Boolean.class, false)) {
			return; // started a moment ago by EmbeddedPostgresEnvironment, which failed loudly if it could not
		}
		String user = environment.getProperty("spring.r2dbc.username", parsed.user() == null ? "" : parsed.user());
		String password = environment.getProperty("spring.r2dbc.password", parsed.password() == null ? "" : parsed.password());
		connect(parsed, url, user, password);
	}

	/** Opens and closes one JDBC connection, as Flyway is about to; blocking is fine before the application runs. */
	static void connect(DatabaseUrl parsed, String url, String user, String password) {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		String seconds = String.valueOf(CONNECT_TIMEOUT.toSeconds());
		properties.setProperty("connectTimeout", seconds);
		properties.setProperty("loginTimeout", seconds);
		properties.setProperty("socketTimeout", seconds);
		properties.setProperty("ApplicationName", "onething start-up check");
		try (Connection connection = new Driver().connect(parsed.jdbcUrl(), properties)) {
			if (connection == null) {
				throw DatabaseUrl.rejected(url, "pgjdbc does not accept " + parsed.jdbcUrl());
			}
		}
		catch (SQLException e) {
			throw refused(parsed, url, user, e);
		}
	}

	private static InvalidConfigurationPropertyValueException refused(DatabaseUrl parsed, String url, String user, SQLException e) {
		String state = e.getSQLState() == null ? "" : e.getSQLState();
		String at = "PostgreSQL at " + parsed.servers();
		if (state.startsWith("28")) {
			// invalid_authorization_specification, invalid_password
			return new InvalidConfigurationPropertyValueException("spring.r2dbc.username", user,
					"SPRING_R2DBC_USERNAME, SPRING_R2DBC_PASSWORD: " + at + " did not accept user '" + user + "' ("
							+ firstLine(e.getMessage()) + ")");
		}
		if (state.equals("3D000")) {
			return DatabaseUrl.rejected(url, at + " has no database '" + parsed.database() + "'");
		}
		String network = networkReason(e);
		if (network != null) {
			return DatabaseUrl.rejected(url, "cannot reach " + at + " (" + network + ")");
		}
		return DatabaseUrl.rejected(url, at + " refused the connection (" + firstLine(e.getMessage()) + ")");
	}

	/** Why no connection came about at the network level, in a few words; null when the server answered. */
	private static String networkReason(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return "connection refused";
			}
			if (cause instanceof UnknownHostException) {
				return "unknown host " + cause.getMessage();
			}
			if (cause instanceof SocketTimeoutException) {
				return "no answer within " + CONNECT_TIMEOUT.toSeconds() + "s";
			}
			if (cause instanceof NoRouteToHostException) {
				return "no route to host";
			}
			if (cause instanceof IOException) {
				return firstLine(cause.getMessage());
			}
		}
		return null;
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no reason given";
		}
		int newline = message.indexOf('\n');
		return (newline < 0 ? message : message.substring(0, newline)).strip();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
