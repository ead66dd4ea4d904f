package cn.onething;

import cn.onething.identity.AccountsCommandLine;
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
		SpringApplication.run(OnethingApplication.class, args);
	}
}
