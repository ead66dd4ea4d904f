package cn.onething.notification;

import java.util.List;
import java.util.Map;

import cn.onething.casework.StoredCase;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.json.JsonMapper;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of a push for each kind of answer WeChat gives (docs/architecture.md §6): temporary failures and refused
 * tokens are retried with the same client_msg_id until delivered; permanent refusals stop at once and are shown to
 * staff, where a supervisor can send them again; WeChat's reports of undelivered messages are shown too.
 */
class PushOutcomesTests extends NotifyingService {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DemoAccounts demoAccounts;

	@BeforeEach
	void staffAccounts() {
		demoAccounts.create().block();
	}

	@Test
	void aTemporaryFailureIsRetriedWithTheSameClientMsgIdAndTheApplicantGetsThePushOnce() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		FAKE.failNextSendTo(openid, Fault.errcode(-1));

		accept(stored);

		awaitPush(openid, "accepted", "delivered");
		assertThat(accepted(openid)).containsEntry("attempts", 2).containsEntry("last_error", null);
		List<String> sends = clientMsgIdsOfSendsTo(openid);
		assertThat(sends).as("the confirmation once, the acceptance twice").hasSize(3);
		assertThat(sends.get(1)).as("with one client_msg_id").isEqualTo(sends.get(2));
		assertThat(deliveriesTo(openid)).extracting(delivery -> delivery.rendered().get("phrase3")).containsExactly("已绑定", "已受理");
	}

	@Test
	void aTokenRefusedAgainAfterTheChannelsOneRefreshIsRetriedLaterByTheOutbox() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		int tokenRequests = FAKE.tokenRequests();
		FAKE.failNextSendTo(openid, Fault.errcode(40001));
		FAKE.failNextSendTo(openid, Fault.errcode(40001));

		accept(stored);

		awaitPush(openid, "accepted", "delivered");
		List<String> sends = clientMsgIdsOfSendsTo(openid);
		assertThat(sends).as("the confirmation, then the acceptance refused twice and sent").hasSize(4);
		assertThat(sends.subList(1, 4)).as("one client_msg_id for every attempt").containsOnly(sends.get(3));
		assertThat(FAKE.tokenRequests() - tokenRequests).as("fresh tokens fetched, not a loop").isBetween(1, 2);
		assertThat(accepted(openid)).containsEntry("attempts", 2);
		assertThat(deliveriesTo(openid)).hasSize(2);
	}

	@Test
	void aPushToAnApplicantWhoDoesNotFollowIsDeadShownToStaffAndSentAgainWhenASupervisorRetries() {
		StoredCase stored = submitted();
		String openid = unfollowedAndBound(stored);
		assertThat((String) pushesTo(openid).get(0).get("last_error")).startsWith("43004 require subscribe").endsWith("（申请人未关注公众号）");

		StaffSession supervisor = StaffSession.signedIn(web, "supervisor", DemoAccounts.PASSWORD);
		String page = supervisor.page("/staff/notifications");
		assertThat(page).contains(stored.file().receiptCode(), openid.substring(0, 4) + "****" + openid.substring(openid.length() - 4),
				"43004 require subscribe", "（申请人未关注公众号）", "重试").doesNotContain(openid);

		FAKE.messages().follower(openid);
		EntityExchangeResult<String> retried = supervisor.submit("/staff/notifications", "/staff/notifications/retry",
				form("message", deadMessageId(openid)));

		assertThat(supervisor.follow(retried)).contains("已重新推送");
		awaitPush(openid, "bound", "delivered");
		assertThat(deliveriesTo(openid)).hasSize(1);
		assertThat(supervisor.page("/staff/notifications")).doesNotContain(stored.file().receiptCode());
	}

	@Test
	void onlyASupervisorMayRetryAndOnlyWithTheFormsCsrfToken() {
		StoredCase stored = submitted();
		String openid = unfollowedAndBound(stored);
		String message = deadMessageId(openid);

		StaffSession window = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD);
		assertThat(window.page("/staff/notifications")).contains(stored.file().receiptCode()).doesNotContain(">重试<");
		assertThat(window.submit("/staff/notifications", "/staff/notifications/retry", form("message", message)).getStatus())
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD).get("/staff/notifications").getStatus())
				.isEqualTo(HttpStatus.FORBIDDEN);
		StaffSession supervisor = StaffSession.signedIn(web, "supervisor", DemoAccounts.PASSWORD);
		supervisor.page("/staff/notifications");
		assertThat(supervisor.post("/staff/notifications/retry", form("message", message)).getStatus()).isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(pushesTo(openid).get(0).get("status")).as("still dead").isEqualTo("dead");
	}

	@Test
	void aPushWechatReportsAsBlockedByTheApplicantIsShownAsUndelivered() {
		StoredCase stored = submitted();
		String openid = follower();
		FAKE.messages().blockingFollower(openid);

		scans(openid, stored);

		awaitPush(openid, "bound", "failed");
		assertThat(pushesTo(openid).get(0).get("last_error")).isEqualTo("微信回报：failed:user block（申请人拒收本公众号消息）");
		assertThat(StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD).page("/staff/notifications"))
				.contains("微信回报：failed:user block（申请人拒收本公众号消息）", stored.file().receiptCode());
	}

	/** An applicant who no longer follows the account scans the case's code: its confirmation cannot be sent. */
	private String unfollowedAndBound(StoredCase stored) {
		String openid = follower();
		FAKE.messages().nonFollower(openid);
		scans(openid, stored);
		awaitPush(openid, "bound", "dead");
		return openid;
	}

	/** Both parallel departments approve: the review round closes and the case is accepted. */
	private void accept(StoredCase stored) {
		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
	}

	private Map<String, Object> accepted(String openid) {
		return pushesTo(openid).stream().filter(push -> push.get("kind").equals("accepted")).findFirst().orElseThrow();
	}

	private static List<String> clientMsgIdsOfSendsTo(String openid) {
		return FAKE.received(FakeWechat.TEMPLATE_SEND_PATH).stream().map(request -> JSON.readTree(request.body()))
				.filter(body -> body.path("touser").asString("").equals(openid))
				.map(body -> body.path("client_msg_id").asString("")).toList();
	}

	private String deadMessageId(String openid) {
		return db.sql("""
				select m.id::text as id from outbox_message m join notification_push p on p.dedupe_key = m.dedupe_key
				where p.openid = :openid and m.status = 'dead'
				""").bind("openid", openid).map(row -> row.get("id", String.class)).one().block();
	}
}
