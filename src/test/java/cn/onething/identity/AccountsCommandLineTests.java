package cn.onething.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.onething.OnethingApplication;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code accounts ...} as an operator runs it: the application's main class in a JVM of its own, pointed at a
 * database by SPRING_R2DBC_URL as a Deployment or Job would be, printing only the command's own lines.
 */
class AccountsCommandLineTests {

	static final Map<String, String> database = new HashMap<>();

	record Run(int exitCode, List<String> lines) {
	}

	@BeforeAll
	static void anEmptyDatabase() {
		TestDatabase.registerFresh((name, value) -> database.put(name, String.valueOf(value.get())));
	}

	@Test
	void theFirstAdminIsCreatedWithItsPasswordPrintedOnceAndListedAfter() throws Exception {
		Run created = accounts(null, "create-admin", "boss");

		assertThat(created.exitCode()).isZero();
		assertThat(created.lines()).hasSize(3);
		assertThat(created.lines().get(0)).isEqualTo("已创建账号 boss。");
		assertThat(created.lines().get(1)).matches("初始密码（只显示这一次，请当面或经安全渠道交给本人）：[\\w]{4}-[\\w]{4}-[\\w]{4}-[\\w]{4}");
		String password = created.lines().get(1).replaceFirst("^.*：", "");

		Run listed = accounts(null, "list");
		assertThat(listed.exitCode()).isZero();
		assertThat(listed.lines()).containsExactly("boss\t系统管理员\t-\tADMIN\t-\t启用\t须改密码", "共 1 个账号。");

		Run weak = accounts("qwerty123456", "reset-password", "boss", "--password-stdin");
		assertThat(weak.exitCode()).isEqualTo(1);
		assertThat(weak.lines()).containsExactly("未执行：这是泄露密码库中常见的密码，很容易被猜到，请换一个。");
		assertThat(String.join("\n", listed.lines()) + String.join("\n", weak.lines())).doesNotContain(password);
	}

	private static Run accounts(String standardInput, String... args) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				OnethingApplication.class.getName(), "accounts"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment().put("SPRING_R2DBC_URL", database.get("spring.r2dbc.url"));
		builder.environment().put("SPRING_R2DBC_USERNAME", database.get("spring.r2dbc.username"));
		builder.environment().put("SPRING_R2DBC_PASSWORD", database.get("spring.r2dbc.password"));
		Process process = builder.start();
		if (standardInput != null) {
			process.getOutputStream().write((standardInput + "\n").getBytes(StandardCharsets.UTF_8));
		}
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		// a guard against a hung child, not a timing assertion
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the command finished").isTrue();
		return new Run(process.exitValue(), output.lines().toList());
	}
}
