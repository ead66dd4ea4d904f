package cn.onething;

import java.util.Arrays;

import cn.onething.identity.AccountsCommandLine;
import cn.onething.platform.PlatformWriteBack;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OnethingApplication {

	public static void main(String[] args) {
		if (AccountsCommandLine.handles(args)) {
			System.exit(AccountsCommandLine.run(OnethingApplication.class, args));
		}
		if (args.length > 0 && PlatformWriteBack.COMMAND.equals(args[0])) {
			System.exit(PlatformWriteBack.run(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(OnethingApplication.class, args);
	}
}
