package cn.onething.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replica whose database settings are wrong stops at once with one line naming the setting, not a stack trace:
 * on Kubernetes that line is what `kubectl logs` shows for the crash-looping pod.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupCheckTests {

	@Test
	void anUnreachableDatabaseStopsStartUpWithOneLineNamingTheSetting(CapturedOutput output) throws IOException {
		int closedPort = closedPort();

		assertThatThrownBy(() -> Replica.start(withUrl("r2dbc:postgresql://127.0.0.1:" + closedPort + "/onething")))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason())
				.isEqualTo("SPRING_R2DBC_URL: cannot reach PostgreSQL at 127.0.0.1:" + closedPort + " (connection refused)");
		assertThat(output).contains("SPRING_R2DBC_URL: cannot reach PostgreSQL at 127.0.0.1:" + closedPort + " (connection refused)")
				.contains("APPLICATION FAILED TO START")
				.doesNotContain("\tat ");
	}

	@Test
	void anUnknownHostIsNamedAsSuch() {
		assertThatThrownBy(() -> Replica.start(withUrl("r2dbc:postgresql://no-such-host.invalid:5432/onething")))
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason())
				.isEqualTo("SPRING_R2DBC_URL: cannot reach PostgreSQL at no-such-host.invalid:5432 (unknown host no-such-host.invalid)");
	}

	@Test
	void aUrlForAnotherDatabaseSystemIsRefusedBeforeAnyConnection() {
		assertThatThrownBy(() -> Replica.start(withUrl("r2dbc:mysql://db:3306/onething")))
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason())
				.isEqualTo("SPRING_R2DBC_URL: must start with r2dbc:postgresql:// (like r2dbc:postgresql://host:5432/database), "
						+ "was r2dbc:mysql://db:3306/onething");
	}

	@Test
	void aKubernetesVariableThatWasNotExpandedIsExplained() {
		assertThatThrownBy(() -> Replica.start(withUrl("r2dbc:postgresql://$(DATABASE_HOST):$(DATABASE_PORT)/onething")))
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason())
				.isEqualTo("SPRING_R2DBC_URL: contains $(DATABASE_HOST), a Kubernetes variable that was not expanded: "
						+ "define DATABASE_HOST above SPRING_R2DBC_URL in the container's env");
	}

	@Test
	void aPortOutOfRangeIsRefused() {
		assertThatThrownBy(() -> Replica.start(withUrl("r2dbc:postgresql://db:65536/onething")))
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason())
				.isEqualTo("SPRING_R2DBC_URL: has '65536' where a port number (1-65535) belongs: r2dbc:postgresql://db:65536/onething");
	}

	@Test
	void thePasswordInAUrlNeverAppearsInTheMessage(CapturedOutput output) {
		assertThatThrownBy(() -> Replica.start(withUrl("r2dbc:postgresql://app:s3cret-pw@db:nope/onething")))
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason())
				.isEqualTo("SPRING_R2DBC_URL: has 'nope' where a port number (1-65535) belongs: r2dbc:postgresql://app:******@db:nope/onething");
		assertThat(output).doesNotContain("s3cret-pw");
	}

	@Test
	void aDatabaseTheServerDoesNotHaveIsNamed() {
		Map<String, String> settings = Replica.onFreshDatabase();
		String url = settings.get("spring.r2dbc.url");
		String server = url.replaceFirst("^r2dbc:postgresql://", "").replaceFirst("/.*$", "");
		settings.put("spring.r2dbc.url", "r2dbc:postgresql://" + server + "/no_such_database");

		assertThatThrownBy(() -> Replica.start(settings))
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason())
				.isEqualTo("SPRING_R2DBC_URL: PostgreSQL at " + server + " has no database 'no_such_database'");
	}

	@Test
	void aUserTheServerDoesNotKnowNamesTheCredentials() {
		Map<String, String> settings = Replica.onFreshDatabase();
		settings.put("spring.r2dbc.username", "nobody_here");

		assertThatThrownBy(() -> Replica.start(settings))
				.extracting(e -> ((InvalidConfigurationPropertyValueException) e).getReason()).asString()
				.startsWith("SPRING_R2DBC_USERNAME, SPRING_R2DBC_PASSWORD: PostgreSQL at ")
				.contains("did not accept user 'nobody_here'");
	}

	private static Map<String, String> withUrl(String url) {
		Map<String, String> settings = Replica.quiet();
		settings.put("spring.r2dbc.url", url);
		settings.put("spring.r2dbc.username", "onething");
		settings.put("spring.r2dbc.password", "irrelevant");
		return settings;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
