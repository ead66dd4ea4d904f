package cn.onething.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On 2026-12-07, with the shipped holiday files (2025 and 2026, Guangxi's 2026 三月三 not yet confirmed), a running
 * service says the same three things in health details, in metrics and on every staff page: 2027's national notice
 * and Guangxi's 2027 notice are not added, and 2026's 三月三 is unconfirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
		"management.endpoint.health.show-details=always", "management.server.port=0" })
@Import(CalendarWarningsShownTests.SeventhOfDecember2026.class)
class CalendarWarningsShownTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class SeventhOfDecember2026 {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	DemoAccounts demoAccounts;

	WebTestClient web;

	@BeforeEach
	void client() {
		web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
	}

	@Test
	void healthIsUpAndNamesTheUnpublishedAndUnconfirmedYears() {
		WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
				.get().uri("/actuator/health/calendar").exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.details.coveredYears").isEqualTo(List.of(2025, 2026))
				.jsonPath("$.details.unpublishedYears.national").isEqualTo(List.of(2027))
				.jsonPath("$.details.unpublishedYears.45").isEqualTo(List.of(2027))
				.jsonPath("$.details.unconfirmedYears.45").isEqualTo(List.of(2026))
				.jsonPath("$.details.unconfirmedYears.national").doesNotExist()
				.jsonPath("$.details.warnings.length()").isEqualTo(3);
	}

	@Test
	void theGaugesCountThemPerRegion() {
		String scrape = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
				.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();

		assertThat(scrape)
				.containsPattern("(?m)^onething_calendar_unpublished_years\\{[^}]*region=\"national\"[^}]*} 1\\.0$")
				.containsPattern("(?m)^onething_calendar_unpublished_years\\{[^}]*region=\"45\"[^}]*} 1\\.0$")
				.containsPattern("(?m)^onething_calendar_unconfirmed_years\\{[^}]*region=\"45\"[^}]*} 1\\.0$")
				.containsPattern("(?m)^onething_calendar_unconfirmed_years\\{[^}]*region=\"national\"[^}]*} 0\\.0$");
	}

	@Test
	void everyStaffPageShowsTheWarnings() {
		demoAccounts.create().block();
		StaffSession window = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD);

		for (String page : new String[] { "/staff", "/staff/documents" }) {
			assertThat(window.page(page)).as(page).contains("工作日历提醒",
					"尚未添加2027年全国节假日安排", "national-2027.yaml",
					"尚未添加2027年广西壮族自治区地方节假日安排", "壮族三月三 4月9日、4月10日",
					"2026年广西壮族自治区节假日安排尚未与正式通知核对", "壮族三月三 4月19日、4月20日");
		}
	}
}
