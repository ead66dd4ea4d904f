package cn.onething.notification;

import java.time.Duration;

import cn.onething.casework.StoredCase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the callback accepted reaches the listeners from the outbox, written in the transaction that records the push
 * as handled: once WeChat heard "success", a binding that fails (here: its table is away for a moment, as in a
 * database blip) is bound on the outbox's next attempt, not lost.
 */
class CallbacksThroughTheOutboxTests extends NotifyingService {

	@Test
	void aScanWhoseBindingFailsOnADatabaseBlipIsBoundLater() {
		StoredCase stored = submitted();
		String openid = follower();
		db.sql("alter table notification_binding rename to notification_binding_away").then().block();
		try {
			scans(openid, stored);

			await().atMost(Duration.ofSeconds(30)).until(() -> failedCallbackAttempts() > 0);
		}
		finally {
			db.sql("alter table notification_binding_away rename to notification_binding").then().block();
		}

		awaitPush(openid, "bound", "delivered");
		assertThat(bound(stored, openid)).isTrue();
		assertThat(deliveriesTo(openid)).as("one confirmation").hasSize(1);
	}

	@Test
	void theScanAndTheConfirmationsDeliveryReportEachReachTheListenersFromOneOutboxMessage() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);

		assertThat(callbackNews("payload -> 'scanned' ->> 'openid' = :openid", openid)).isEqualTo(1);
		assertThat(callbackNews("payload -> 'deliveries' @> jsonb_build_array(jsonb_build_object('openid', cast(:openid as text)))",
				openid)).isEqualTo(1);
	}

	private long callbackNews(String condition, String openid) {
		return db.sql("select count(*) as n from outbox_message where kind = 'wechat.callback' and status = 'completed' and "
				+ condition).bind("openid", openid).map(row -> row.get("n", Long.class)).one().block();
	}

	/** Attempts at callback news that failed because the binding table was not there. */
	private long failedCallbackAttempts() {
		return db.sql("""
				select count(*) as n from outbox_message
				where kind = 'wechat.callback' and last_error like '%notification_binding%'
				""").map(row -> row.get("n", Long.class)).one().block();
	}
}
