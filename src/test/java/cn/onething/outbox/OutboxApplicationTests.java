package cn.onething.outbox;

import java.util.Map;

import cn.onething.system.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox as the application wires it: appended in a casework-style transaction through Spring's R2DBC
 * transaction manager, delivered by the application's own dispatcher to a handler bean. Polling is set to an hour,
 * so a delivery here also shows that the NOTIFY of the commit woke the dispatcher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"onething.catalog.import-on-startup=false", "onething.outbox.poll-interval=1h" })
class OutboxApplicationTests {

	static final String SUBMITTED = "casework.ApplicationSubmitted";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@TestConfiguration
	static class Handlers {

		@Bean
		RecordingHandler submittedApplications() {
			return RecordingHandler.delivering(SUBMITTED);
		}
	}

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionalOperator transaction;

	@Autowired
	DatabaseClient db;

	@Autowired
	RecordingHandler submittedApplications;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void aBusinessTable() {
		db.sql("create table if not exists test_case (id text primary key)").then().block();
		db.sql("truncate test_case, outbox_message").then().block();
	}

	@Test
	void aMessageAppendedWithACommittedStateChangeIsDeliveredByTheApplicationsDispatcher() {
		transaction.transactional(submit("case-1").then(outbox.append(SUBMITTED, "ApplicationSubmitted:case-1",
				Map.of("caseId", "case-1")))).block();

		Eventually.until("the handler bean got it", () -> submittedApplications.times("ApplicationSubmitted:case-1") == 1);
		Eventually.until("it is recorded as delivered", () -> meters.find("onething.outbox.handled").tag("kind", SUBMITTED)
				.tag("outcome", "delivered").counters().stream().mapToDouble(c -> c.count()).sum() == 1);
	}

	@Test
	void aStateChangeThatFailsAfterTheAppendRollsBackTheMessageToo() {
		submit("case-2").block();

		Mono<Void> resubmitted = outbox.append(SUBMITTED, "ApplicationSubmitted:case-2", Map.of("caseId", "case-2"))
				.then(submit("case-2"));

		assertThatThrownBy(() -> transaction.transactional(resubmitted).block()).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(db.sql("select count(*) as n from outbox_message").map(row -> row.get("n", Long.class)).one().block())
				.isZero();
	}

	private Mono<Void> submit(String caseId) {
		return db.sql("insert into test_case (id) values (:id)").bind("id", caseId).then();
	}
}
