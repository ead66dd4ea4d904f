package cn.onething.platform;

import java.time.Duration;

import cn.onething.casework.StoredCase;
import cn.onething.notification.NotifyingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded defaults: no report endpoint, so a case's milestones are written to the outbox as always and
 * completed without being sent; a platform listening on loopback hears nothing.
 */
@TestPropertySource(properties = "onething.catalog.import-on-startup=true")
class PlatformReportsOffTests extends NotifyingService {

	static final PlatformStandIn PLATFORM = new PlatformStandIn();

	@AfterAll
	static void stopPlatform() {
		PLATFORM.close();
	}

	@Test
	void withoutAnEndpointNothingIsSentAndNothingWaits() {
		StoredCase stored = submitted();
		approve(stored, "hukou", null);
		approve(stored, "insurance", null);

		await().atMost(Duration.ofSeconds(30)).until(() -> rows(stored, "status = 'completed'") == 2);

		assertThat(rows(stored, "true")).as("收件 and 受理, nothing else").isEqualTo(2);
		assertThat(PLATFORM.reports()).isEmpty();
		assertThat(PLATFORM.repeatedReports()).isZero();
	}

	long rows(StoredCase stored, String condition) {
		return db.sql("select count(*) as n from outbox_message where kind = 'platform.case-report' and dedupe_key like :key and " + condition)
				.bind("key", "platform-report:case:" + stored.file().id() + ":%").map(row -> row.get("n", Long.class)).one().block();
	}
}
