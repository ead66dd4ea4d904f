package cn.onething.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.Flag;
import cn.onething.wechat.fake.FakeMessages;
import cn.onething.wechat.fake.FakeWechat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Case news reaching bound applicants through the fake WeChat: which news is pushed, with what words, to whom.
 * Values are read as WeChat shows them (cut to 20 characters, docs/wechat.md §2.2).
 */
class CaseNewsPushesTests extends NotifyingService {

	static final Actor SUPERVISOR = new Actor(Actor.Kind.SUPERVISOR, "supervisor", "大厅主管");
	static final Actor HEAD = new Actor(Actor.Kind.HEAD, "head", "机关负责人");
	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void approvingEveryStepPushesTheAcceptanceAndTheResultToEveryBoundOpenidAndTheStepsMergeIntoTheResult() {
		StoredCase stored = submitted();
		String mother = boundFollower(stored);
		String father = boundFollower(stored);

		approve(stored, "hukou", null);
		approve(stored, "insurance", "社保卡将邮寄到家");
		approve(stored, "card", null);
		awaitNewsHandled(stored);

		for (String openid : List.of(mother, father)) {
			awaitPush(openid, "completed", "delivered");
			awaitPush(openid, "accepted", "delivered");
			Map<String, Map<String, String>> received = deliveriesTo(openid).stream()
					.collect(Collectors.toMap(delivery -> delivery.rendered().get("phrase3"), FakeMessages.Delivery::rendered));
			assertThat(received).as("one push each, and none for the steps").containsOnlyKeys("已绑定", "已受理", "已办结");
			assertThat(received.get("已办结")).containsEntry("character_string1", stored.file().receiptCode())
					.containsEntry("thing2", "新生儿出生一件事").containsEntry("thing5", "领取：社保卡将邮寄到家");
			assertThat(received.get("已办结").get("time4")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
			assertThat(received.get("已受理")).containsEntry("thing5", "材料齐全，予以受理");
			assertThat(pushesTo(openid)).filteredOn(push -> push.get("kind").equals("steps"))
					.as("a digest started before the result was handled is merged into it")
					.allSatisfy(digest -> assertThat(digest.get("status")).isEqualTo("cancelled"));
		}
	}

	@Test
	void everyPushLinksToTheSignedProgressPageWithTheBindingsOwnUnbindToken() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);

		String sent = FAKE.received(FakeWechat.TEMPLATE_SEND_PATH).stream()
				.map(request -> JSON.readTree(request.body()))
				.filter(body -> body.path("touser").asString("").equals(openid))
				.map(body -> body.path("url").asString("")).findFirst().orElseThrow();

		assertThat(sent).startsWith(PUBLIC_BASE_URL + links.progressPath(stored.file().receiptCode()) + "&w=");
		assertThat(db.sql("select token from notification_binding where openid = :openid").bind("openid", openid)
				.map(row -> row.get("token", String.class)).one().block()).isEqualTo(sent.substring(sent.indexOf("&w=") + 3));
	}

	@Test
	void aOneTimeNoticeTellsTheNumberOfItemsAndTheDeadlineAtOnceWhileTheStepsWait() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);

		casework.act(stored.file().id(), REVIEWER, file -> context -> file.flag("hukou", List.of(
				new Flag(null, "household-register", null, Flag.Problem.MISSING, "未带户口簿"),
				new Flag(null, "birth-certificate", null, Flag.Problem.DEFECTIVE, "复印件不清晰")), context)).block();
		approve(stored, "insurance", null);
		awaitPush(openid, "notice", "delivered");

		LocalDate correctBy = casework.byId(stored.file().id()).block().file().latestNotice().orElseThrow().correctBy();
		assertThat(deliveriesTo(openid)).last().satisfies(notice -> assertThat(notice.rendered())
				.containsEntry("phrase3", "需补正")
				.containsEntry("thing5", "需补正2项材料，请于" + correctBy.getMonthValue() + "月" + correctBy.getDayOfMonth() + "日前补齐"));
		assertThat(pushesTo(openid)).filteredOn(push -> push.get("kind").equals("steps")).singleElement()
				.satisfies(digest -> {
					assertThat(digest.get("collecting")).as("still waiting for the debounce window").isEqualTo(true);
					assertThat(digest.get("status")).isEqualTo("pending");
				});
	}

	@Test
	void stepDecisionsWithinTheWindowBecomeOnePushListingThem() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);

		approve(stored, "hukou", null);
		casework.act(stored.file().id(), REVIEWER, file -> context -> file.refuse("insurance", "不符合参保条件", context)).block();
		awaitNewsHandled(stored);
		Map<String, Object> digest = pushesTo(openid).stream().filter(push -> push.get("kind").equals("steps")).findFirst().orElseThrow();
		awaitPush(openid, "accepted", "delivered");
		assertThat(deliveriesTo(openid)).as("the confirmation and the acceptance, not the steps yet").hasSize(2);

		makeDue((String) digest.get("dedupe_key"));

		awaitPush(openid, "steps", "delivered");
		assertThat(deliveriesTo(openid)).hasSize(3).last().satisfies(steps -> assertThat(steps.rendered())
				.containsEntry("phrase3", "审批进展")
				// cut to the 20 characters WeChat shows (docs/wechat.md §2.2); the progress page has it all
				.containsEntry("thing5", "2项进展：出生登记已通过；医保参保不予…"));
		assertThat(pushesTo(openid)).filteredOn(push -> push.get("kind").equals("steps")).singleElement()
				.satisfies(sent -> assertThat(sent.get("lines").toString()).contains("医保参保不予批准"));
	}

	@Test
	void stepNewsAfterADigestWasSentStartsAnotherDigest() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		approve(stored, "hukou", null);
		awaitNewsHandled(stored);
		makeDue((String) pushesTo(openid).stream().filter(push -> push.get("kind").equals("steps")).findFirst().orElseThrow()
				.get("dedupe_key"));
		awaitPush(openid, "steps", "delivered");

		approve(stored, "insurance", null);
		awaitNewsHandled(stored);

		assertThat(pushesTo(openid)).filteredOn(push -> push.get("kind").equals("steps"))
				.extracting(push -> push.get("status"), push -> push.get("collecting"))
				.containsExactly(tuple("delivered", false),
						tuple("pending", true));
	}

	@Test
	void newsDeliveredAgainAfterAReplicaDiedBeforeRecordingItIsToldOnce() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
		awaitPush(openid, "accepted", "delivered");
		awaitNewsHandled(stored);
		List<Map<String, Object>> before = pushesTo(openid);

		// as if the replica that handled the news had died before the outbox recorded it
		db.sql("update outbox_message set status = 'failed', next_attempt_at = now() where dedupe_key like :key")
				.bind("key", "case:" + stored.file().id() + ":%").fetch().rowsUpdated().block();
		awaitNewsHandled(stored);

		assertThat(pushesTo(openid)).extracting(push -> push.get("dedupe_key"), push -> push.get("lines"))
				.containsExactlyElementsOf(before.stream().map(push -> tuple(push.get("dedupe_key"), push.get("lines"))).toList());
		assertThat(deliveriesTo(openid)).hasSize(2);
	}

	@Test
	void deemedAcceptanceSaysSoAndFromWhichDay() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = cast(:id as uuid)")
				.bind("id", stored.file().id()).then().block();

		casework.checkDeadlines().block();

		awaitPush(openid, "accepted", "delivered");
		assertThat(deliveriesTo(openid)).last().satisfies(accepted -> assertThat(accepted.rendered())
				.containsEntry("phrase3", "视为受理").containsEntry("thing5", "逾期未告知补正，自1月5日起视为受理"));
	}

	@Test
	void anExtensionTellsItsReasonWithPersonalDataMasked() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
		awaitPush(openid, "accepted", "delivered");

		casework.act(stored.file().id(), HEAD, file -> context -> file.extendDeadline("电话13812345678", context)).block();

		awaitPush(openid, "extended", "delivered");
		assertThat(deliveriesTo(openid)).last().satisfies(extended -> assertThat(extended.rendered())
				.containsEntry("phrase3", "延期办理").containsEntry("thing5", "延期原因：电话138****5678"));
		assertThat(pushesTo(openid).toString()).doesNotContain("13812345678");
	}

	@Test
	void aCorrectionDeadlineDrawingNearIsPushed() {
		StoredCase stored = submitted(newbornTerms(2));
		String openid = boundFollower(stored);
		casework.act(stored.file().id(), REVIEWER, file -> context -> file.flag("hukou", List.of(
				new Flag(null, "household-register", null, Flag.Problem.MISSING, "未带户口簿")), context)).block();
		approve(stored, "insurance", null);
		awaitPush(openid, "notice", "delivered");

		casework.checkDeadlines().block();

		awaitPush(openid, "deadline-near", "delivered");
		assertThat(deliveriesTo(openid)).last().satisfies(near -> assertThat(near.rendered())
				.containsEntry("phrase3", "补正将到期").hasEntrySatisfying("thing5", remark -> assertThat(remark).startsWith("补正期限")));
	}

	@Test
	void newsOfACaseNobodyBoundIsPushedToNobody() {
		StoredCase stored = submitted();
		int sendsBefore = FAKE.received(FakeWechat.TEMPLATE_SEND_PATH).size();

		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
		approve(stored, "card", null);
		awaitNewsHandled(stored);

		assertThat(db.sql("select count(*) as n from notification_push where receipt_code = :receipt")
				.bind("receipt", stored.file().receiptCode()).map(row -> row.get("n", Long.class)).one().block()).isZero();
		assertThat(FAKE.received(FakeWechat.TEMPLATE_SEND_PATH)).hasSize(sendsBefore);
	}
}
