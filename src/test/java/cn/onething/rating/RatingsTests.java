package cn.onething.rating;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.onething.calendar.Region;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseContext;
import cn.onething.notification.NotifyingService;
import cn.onething.system.ApiDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 好差评 on the running service with a real PostgreSQL and the fake WeChat: the invitation pushed once when a case is
 * still unrated after the delay (an hour here; the outbox message is made due instead of waiting), the API's proof
 * and refusals, and the follow-up a bad rating opens.
 */
@TestPropertySource(properties = "onething.rating.invite-after=1h")
class RatingsTests extends NotifyingService {

	StoredCase completed(StoredCase stored) {
		approve(stored, "hukou", null);
		approve(stored, "insurance", null);
		approve(stored, "card", "社保卡将邮寄到家");
		StoredCase completed = casework.byId(stored.file().id()).block();
		assertThat(completed.file().completion()).isNotNull();
		return completed;
	}

	WebTestClient.ResponseSpec rate(StoredCase stored, String key, String body) {
		WebTestClient.RequestBodySpec request = web.post().uri("/api/applications/{code}/rating", stored.file().receiptCode())
				.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request = request.header("X-Case-Key", key);
		}
		return request.bodyValue(body).exchange();
	}

	String keyOf(StoredCase stored) {
		return links.keyFor(stored.file().receiptCode());
	}

	String invitationKey(StoredCase stored) {
		return "rating-invitation:" + stored.file().id();
	}

	/** The invitation's outbox message, once the completion has been handled. */
	Map<String, Object> awaitInvitationMessage(StoredCase stored) {
		await().atMost(Duration.ofSeconds(30)).until(() -> invitationMessage(stored) != null);
		return invitationMessage(stored);
	}

	Map<String, Object> invitationMessage(StoredCase stored) {
		return db.sql("select status, next_attempt_at from outbox_message where dedupe_key = :key")
				.bind("key", invitationKey(stored)).fetch().one().block();
	}

	void awaitInvitationHandled(StoredCase stored) {
		await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(invitationMessage(stored).get("status")));
	}

	long ratingsOf(StoredCase stored) {
		return db.sql("select count(*) as n from rating_rating where case_id = :id").bind("id", stored.file().id())
				.map(row -> row.get("n", Long.class)).one().block();
	}

	@Test
	void aCaseStillUnratedWhenTheDelayHasPassedIsInvitedOnceThroughWechat() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		StoredCase completed = completed(stored);

		Map<String, Object> invitation = awaitInvitationMessage(completed);
		OffsetDateTime completedAt = db.sql("select at from casework_event where application_id = cast(:id as uuid) and kind = 'ApplicationCompleted'")
				.bind("id", stored.file().id()).map(row -> row.get("at", OffsetDateTime.class)).one().block();
		assertThat(((OffsetDateTime) invitation.get("next_attempt_at")).toInstant().truncatedTo(ChronoUnit.MILLIS))
				.as("due onething.rating.invite-after after completion").isEqualTo(completedAt.toInstant().plus(Duration.ofHours(1))
						.truncatedTo(ChronoUnit.MILLIS));
		assertThat(pushesTo(openid)).noneMatch(push -> push.get("kind").equals("rating-invitation"));

		makeDue(invitationKey(stored));
		awaitPush(openid, "rating-invitation", "delivered");
		// delivered a second time, as when a replica dies after sending but before recording it
		db.sql("update outbox_message set status = 'failed', next_attempt_at = now() where dedupe_key = :key")
				.bind("key", invitationKey(stored)).fetch().rowsUpdated().block();
		awaitInvitationHandled(stored);

		assertThat(pushesTo(openid)).filteredOn(push -> push.get("kind").equals("rating-invitation")).singleElement()
				.satisfies(push -> assertThat(push.get("url")).isEqualTo(PUBLIC_BASE_URL + "/cases/"
						+ stored.file().receiptCode() + "/rating?k=" + keyOf(stored)));
		assertThat(deliveriesTo(openid)).filteredOn(delivery -> "邀请评价".equals(delivery.rendered().get("phrase3"))).hasSize(1);
	}

	@Test
	void aCaseRatedBeforeTheInvitationIsDueIsNotInvited() {
		StoredCase stored = submitted();
		String openid = boundFollower(stored);
		StoredCase completed = completed(stored);
		awaitInvitationMessage(completed);

		rate(completed, keyOf(completed), "{\"level\":\"very-satisfied\"}").expectStatus().isCreated();
		makeDue(invitationKey(stored));
		awaitInvitationHandled(stored);

		assertThat(pushesTo(openid)).noneMatch(push -> push.get("kind").equals("rating-invitation"));
	}

	@Test
	void aRatingNeedsTheCasesKeyAndIsRefusedForACaseNotCompletedOrRatedBefore() {
		StoredCase open = submitted();
		rate(open, null, "{\"level\":\"satisfied\"}").expectStatus().isForbidden()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody().jsonPath("$.type").isEqualTo("/problems/not-permitted");
		rate(open, links.keyFor("FS00000000"), "{\"level\":\"satisfied\"}").expectStatus().isForbidden();
		rate(open, keyOf(open), "{\"level\":\"satisfied\"}").expectStatus().isEqualTo(409)
				.expectBody().jsonPath("$.type").isEqualTo("/problems/rating-refused")
				.jsonPath("$.detail").isEqualTo("本件尚未办结，办结后才能评价。");
		assertThat(ratingsOf(open)).isZero();

		StoredCase completed = completed(submitted());
		rate(completed, keyOf(completed), "{\"level\":\"satisfied\",\"indicators\":[\"online-convenience\"],\"channel\":\"mobile\"}")
				.expectStatus().isCreated()
				.expectBody().jsonPath("$.score").isEqualTo(4).jsonPath("$.channel").isEqualTo("mobile")
				.jsonPath("$.itemCodes.length()").isEqualTo(3).jsonPath("$.departmentIds[0]").isEqualTo("public-security");
		rate(completed, keyOf(completed), "{\"level\":\"very-dissatisfied\",\"comment\":\"改主意了\"}").expectStatus().isEqualTo(409)
				.expectBody().jsonPath("$.detail").isEqualTo("本件已经评价过了，每件只能评价一次。");
		assertThat(ratingsOf(completed)).isOne();
	}

	@Test
	void wrongFieldsAreNamedInOneProblemAndNothingIsStored() {
		StoredCase completed = completed(submitted());

		rate(completed, keyOf(completed), "{\"level\":\"great\",\"indicators\":[\"speed\"],\"channel\":\"fax\"}")
				.expectStatus().isEqualTo(422)
				.expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-fields")
				.jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("level", "indicators", "channel"));

		assertThat(ratingsOf(completed)).isZero();
	}

	@Test
	void aBadRatingOpensAFollowUpDueInFiveWorkingDaysByTheCalendar() {
		StoredCase completed = completed(submitted());

		rate(completed, keyOf(completed), "{\"level\":\"dissatisfied\",\"indicators\":[\"onsite-attitude\"],\"comment\":\"窗口态度差\"}")
				.expectStatus().isCreated();

		await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select count(*) as n from rating_follow_up where receipt_code = :code")
				.bind("code", completed.file().receiptCode()).map(row -> row.get("n", Long.class)).one().block() == 1);
		LocalDate dueOn = db.sql("select due_on from rating_follow_up where receipt_code = :code").bind("code", completed.file().receiptCode())
				.map(row -> row.get("due_on", LocalDate.class)).one().block();
		LocalDate ratedOn = LocalDate.now(CaseContext.CHINA);
		assertThat(dueOn).isEqualTo(casework.calendar().addWorkingDays(ratedOn, 5, Region.of("451421")));
	}

	@Test
	void aGoodRatingOpensNoFollowUpAndItsEventIsPublished() {
		StoredCase completed = completed(submitted());

		rate(completed, keyOf(completed), "{\"level\":\"basically-satisfied\"}").expectStatus().isCreated();

		await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(db.sql("select status from outbox_message where dedupe_key = :key")
				.bind("key", "rating-given:" + completed.file().id()).map(row -> row.get("status", String.class)).one().block()));
		assertThat(db.sql("select count(*) as n from rating_follow_up where receipt_code = :code").bind("code", completed.file().receiptCode())
				.map(row -> row.get("n", Long.class)).one().block()).isZero();
	}

	@Test
	void theRatingPageWithoutTheKeyLeadsToTheLookUpAndAFormSentWithoutItIsRefused() {
		StoredCase completed = completed(submitted());
		String code = completed.file().receiptCode();

		web.get().uri("/cases/{code}/rating", code).exchange().expectStatus().is3xxRedirection()
				.expectHeader().valueEquals("Location", "/cases?code=" + code);
		web.post().uri("/cases/{code}/rating?k=wrong", code).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("level=satisfied").exchange().expectStatus().isForbidden();

		assertThat(ratingsOf(completed)).isZero();
	}

	@Test
	void theRatingPageOfACaseNotCompletedSaysSoAndRefusesTheForm() {
		StoredCase open = submitted();
		String code = open.file().receiptCode();

		web.get().uri("/cases/{code}/rating?k={key}", code, keyOf(open)).exchange().expectStatus().isOk()
				.expectBody(String.class).value(page -> assertThat(page).contains("本件尚未办结，办结后才能评价").doesNotContain("提交评价"));
		web.post().uri("/cases/{code}/rating?k={key}", code, keyOf(open)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("level=satisfied").exchange().expectStatus().isEqualTo(409)
				.expectBody(String.class).value(page -> assertThat(page).contains("本件尚未办结，办结后才能评价。"));

		assertThat(ratingsOf(open)).isZero();
	}

	@Test
	void aFormWithoutALevelIsShownAgainWithEveryAnswerKeptAndNothingStored() {
		StoredCase completed = completed(submitted());
		String code = completed.file().receiptCode();

		web.post().uri("/cases/{code}/rating?k={key}", code, keyOf(completed)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("indicators=onsite-attitude&comment=%E7%AA%97%E5%8F%A3%E5%BE%88%E5%A5%BD").exchange()
				.expectStatus().isEqualTo(422)
				.expectBody(String.class).value(page -> assertThat(page).contains("请选择满意程度", "窗口很好")
						.containsPattern("value=\"onsite-attitude\"\\s+checked"));

		assertThat(ratingsOf(completed)).isZero();
	}

	@Test
	void twoRatingsOfOneCaseAtTheSameMomentStoreOneAndRefuseTheOther() {
		StoredCase completed = completed(submitted());
		String key = keyOf(completed);

		List<Integer> statuses = Flux.range(0, 2)
				.flatMap(i -> WebClient.create("http://localhost:" + port).post()
						.uri("/api/applications/{code}/rating", completed.file().receiptCode())
						.contentType(MediaType.APPLICATION_JSON).header("X-Case-Key", key)
						.bodyValue(i == 0 ? "{\"level\":\"satisfied\"}" : "{\"level\":\"very-satisfied\"}")
						.exchangeToMono(response -> Mono.just(response.statusCode().value())))
				.collectList().block();

		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		assertThat(ratingsOf(completed)).isOne();
	}

	@Test
	void theOpenApiDocumentDescribesRatingWithTheCaseKeyHeader() {
		String document = ApiDocument.text(web);

		assertThat(document).contains("/api/applications/{receipt}/rating", "X-Case-Key", "Rate a completed application");
	}
}
