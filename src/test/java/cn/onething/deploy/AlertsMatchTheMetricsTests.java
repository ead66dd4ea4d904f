package cn.onething.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts of k8s/monitoring query metrics by name; a renamed meter would silence them without a sound. Every
 * onething_* series the rules name is scraped from a running service, and the overdue-cases gauge counts a case
 * that is past its due date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.catalog.import-on-startup=false", "management.server.port=0",
		"onething.casework.overdue-count-interval=100ms", "onething.casework.overdue-count-delay=0s" })
class AlertsMatchTheMetricsTests {

	private static final Pattern OUR_SERIES = Pattern.compile("\\bonething_[a-z_]+");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalManagementPort
	int port;

	@Autowired
	Casework casework;

	@Autowired
	DatabaseClient db;

	@Test
	void everyOnethingSeriesTheAlertsQueryIsExposedAndOverdueCasesAreCounted() {
		StoredCase late = casework.submit(TermsFixture.parallelTerms(), new Applicant("张三", "45142119900101123X", "13812345678"),
				Map.of(), Map.of(), List.of(), new Actor(Actor.Kind.WINDOW, "w1", "窗口一")).block();
		db.sql("update casework_application set due_on = date '2020-01-02' where id = :id")
				.bind("id", java.util.UUID.fromString(late.file().id())).then().block();

		String scrape = Flux.interval(Duration.ZERO, Duration.ofMillis(100))
				.onBackpressureDrop()
				.concatMap(tick -> scrape())
				.filter(text -> text.contains("onething_casework_overdue 1.0"))
				.blockFirst(Duration.ofSeconds(20));

		assertThat(scrape).as("the overdue case is counted").isNotNull();
		assertThat(seriesNamedByTheAlerts()).isNotEmpty().allSatisfy(series ->
				assertThat(scrape).as("scraped metrics").containsPattern("(?m)^" + series + "[{ ]"));
	}

	private Mono<String> scrape() {
		// WebTestClient waits for its answer, which a timer thread may not do
		return Mono.fromCallable(() -> WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
						.responseTimeout(Duration.ofSeconds(30)).build()
						.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
						.expectBody(String.class).returnResult().getResponseBody())
				.subscribeOn(Schedulers.boundedElastic());
	}

	private static Set<String> seriesNamedByTheAlerts() {
		Set<String> series = new TreeSet<>();
		Manifests.one(MonitoringManifestTests.MONITORING, "PrometheusRule").at("/spec/groups").valueStream()
				.flatMap(group -> group.path("rules").valueStream())
				.map(rule -> rule.path("expr").asString())
				.forEach(expression -> {
					Matcher matcher = OUR_SERIES.matcher(expression);
					while (matcher.find()) {
						series.add(matcher.group());
					}
				});
		return series;
	}
}
