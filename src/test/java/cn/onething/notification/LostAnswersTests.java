package cn.onething.notification;

import java.time.Duration;
import java.util.Map;

import cn.onething.casework.StoredCase;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.wechat.fake.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send WeChat took whose answer was lost (docs/wechat-delivery.md): WeChat de-duplicates a client_msg_id for about
 * 10 minutes only, so the push is sent again within onething.notification.resend-window (8 minutes) of that send and
 * never after it; then it is uncertain, shown to staff as 送达情况不明. The fake WeChat takes the message and closes
 * the connection without answering; the service's clock is moved to let the minutes pass.
 */
@Import(MovableClock.AsTheServicesClock.class)
class LostAnswersTests extends NotifyingService {

	@Autowired
	MovableClock clock;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void staffAccounts() {
		demoAccounts.create().block();
	}

	@AfterEach
	void wechatAnswersRepeatsAsByDefault() {
		FAKE.messages().answerRepeatsWith(0);
	}

	@Test
	void aPushWhoseAnswerWasLostIsSentAgainWithinTheWindowAndTheApplicantGetsItOnce() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		String clientMsgId = acceptanceWithItsAnswerLost(stored, openid);

		clock.advance(Duration.ofMinutes(1));

		awaitPush(openid, "accepted", "delivered");
		assertThat(FAKE.clientMsgIds()).as("sent again").filteredOn(clientMsgId::equals).hasSize(2);
		assertThat(FAKE.messages().deliveredWith(clientMsgId)).as("WeChat recognised the resend").isEqualTo(1);
	}

	@Test
	void aPushWhoseAnswerWasLostIsNotSentAgainAfterTheWindowButShownToStaffAsUncertain() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		String clientMsgId = acceptanceWithItsAnswerLost(stored, openid);
		double uncertainBefore = uncertainCount();

		clock.advance(Duration.ofMinutes(9));
		// past WeChat's 10 minutes too: a resend now would reach the applicant a second time
		FAKE.clock().advance(Duration.ofMinutes(11));

		awaitPush(openid, "accepted", "uncertain");
		assertThat(FAKE.clientMsgIds()).as("never sent again").filteredOn(clientMsgId::equals).hasSize(1);
		assertThat(FAKE.messages().deliveredWith(clientMsgId)).isEqualTo(1);
		assertThat(uncertainCount()).isEqualTo(uncertainBefore + 1);
		String page = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD).page("/staff/notifications");
		assertThat(page.substring(page.indexOf("id=\"uncertain\""), page.indexOf("id=\"undelivered\"")))
				.contains("送达情况不明", stored.file().receiptCode(), "可能已送达", "超过 8 分钟不再重发").doesNotContain(openid);
	}

	@Test
	void anAnswerThatTheClientMsgIdWasUsedAlreadyCountsAsSent() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		FAKE.messages().answerRepeatsWith(45065);
		String clientMsgId = acceptanceWithItsAnswerLost(stored, openid);

		clock.advance(Duration.ofMinutes(1));

		awaitPush(openid, "accepted", "delivered");
		assertThat(accepted(openid)).containsEntry("last_error", null).containsEntry("attempts", 2);
		assertThat(FAKE.clientMsgIds()).filteredOn(clientMsgId::equals).hasSize(2);
		assertThat(FAKE.messages().deliveredWith(clientMsgId)).isEqualTo(1);
	}

	/**
	 * Accepts the case while WeChat takes the acceptance push and drops its answer; returns once the service has
	 * recorded the send as unknown. Its client_msg_id is the push's outbox message id.
	 */
	private String acceptanceWithItsAnswerLost(StoredCase stored, String openid) {
		FAKE.failNextSendTo(openid, Fault.dropAnswer());
		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
		// asserted, not polled for a boolean: should it never come, the failure shows what the pushes were
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pushesTo(openid))
				.anySatisfy(push -> assertThat(push).containsEntry("kind", "accepted").containsEntry("attempts", 1)));
		assertThat(accepted(openid)).containsEntry("status", "pending");
		assertThat((String) accepted(openid).get("last_error")).contains("微信未应答，可能已收到");
		String clientMsgId = db.sql("""
				select m.id::text as id from outbox_message m join notification_push p on p.dedupe_key = m.dedupe_key
				where p.openid = :openid and p.kind = 'accepted'
				""").bind("openid", openid).map(row -> row.get("id", String.class)).one().block();
		assertThat(FAKE.messages().deliveredWith(clientMsgId)).as("WeChat took it").isEqualTo(1);
		return clientMsgId;
	}

	private Map<String, Object> accepted(String openid) {
		return pushesTo(openid).stream().filter(push -> push.get("kind").equals("accepted")).findFirst().orElseThrow();
	}

	private double uncertainCount() {
		return meters.counter("onething.notification.uncertain").count();
	}
}
