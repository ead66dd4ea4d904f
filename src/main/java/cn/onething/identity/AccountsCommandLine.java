package cn.onething.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.onething.identity.accounts.AccountsCommand;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar onething.jar accounts <command> ...}: the application without its web server, against the
 * database the service is configured with (SPRING_R2DBC_URL...), running one account command and exiting. The
 * schema is migrated first, as at a replica's start. Logging is cut to errors so that the terminal shows the
 * command's own lines only.
 */
public final class AccountsCommandLine {

	private static final String COMMAND = "accounts";

	private AccountsCommandLine() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && COMMAND.equals(args[0]);
	}

	/** Emits the exit code; never starts the web server, the start-up import or the demo accounts. */
	public static int run(Class<?> application, String[] args) {
		List<String> command = List.of(args).subList(1, args.length);
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		String password = AccountsCommand.Invocation.wantsPassword(command) ? firstLineOfStandardInput() : null;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
				.web(WebApplicationType.NONE)
				.properties("onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
						"spring.main.log-startup-info=false", "logging.level.root=error")
				.run()) {
			if (Boolean.parseBoolean(context.getEnvironment().getProperty("onething.database.embedded"))
					&& !context.getEnvironment().containsProperty("onething.database.embedded-data-dir")) {
				out.println("注意：未配置数据库（SPRING_R2DBC_URL），本次用的是临时内置数据库，退出后更改即丢失。");
			}
			// the main thread of a command line, not an event loop: waiting here blocks nobody
			return context.getBean(AccountsCommand.class)
					.run(new AccountsCommand.Invocation(command, password), out).toFuture().join();
		}
	}

	private static String firstLineOfStandardInput() {
		try {
			return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read the password from standard input", e);
		}
	}
}
