package cn.onething.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes every clock of the service read 2025-03-05 10:00 in China: after the fixtures' effective dates and the
 * platform fixture's cancel date, before a date a test plans ahead. Import it with {@code @Import(FixedDay.class)}.
 */
@TestConfiguration
public class FixedDay {

	public static final Instant NOW = Instant.parse("2025-03-05T02:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
	}
}
