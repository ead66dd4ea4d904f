package cn.onething.platform;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import cn.onething.casework.StoredCase;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.Flag;
import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.notification.NotifyingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Case and rating reports to the regional platform (docs/platform.md §5) on the running service with a real
 * PostgreSQL, the sample guides and the platform's stand-in over HTTP: a case's milestones and its rating arrive in
 * order and masked; an outage loses none and a lost answer duplicates none; a refused report waits on the staff page
 * with the platform's reason until it is resent.
 */
@TestPropertySource(properties = "onething.catalog.import-on-startup=true")
class PlatformReportsTests extends NotifyingService {

	static final PlatformStandIn PLATFORM = new PlatformStandIn();
	static final Actor REVIEWER = new Actor(Actor.Kind.REVIEWER, "police", "审核员");
	static final byte[] PDF = "%PDF-1.4\n%household register\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	/** The applicant of {@link #submitted()}: 张三丰, this ID number and phone. */
	static final List<String> UNMASKED = List.of("张三丰", "45142119900101123X", "13812345678");

	@DynamicPropertySource
	static void reportsToTheStandIn(DynamicPropertyRegistry registry) {
		registry.add("onething.platform.reports.endpoint", () -> PLATFORM.reportsEndpoint().toString());
		registry.add("onething.platform.reports.timeout", () -> "2s");
	}

	@AfterAll
	static void stopPlatform() {
		PLATFORM.close();
	}

	@Autowired
	Catalog catalog;

	@Autowired
	DemoAccounts demoAccounts;

	@BeforeEach
	void theSampleGuidesAreImported() {
		// the import at start-up runs after the (empty) catalogue was loaded; reports name the guides' codes
		await().atMost(Duration.ofSeconds(60)).until(() -> catalog.current().guide("002013417000").isPresent());
	}

	@Test
	void aCaseWalkedToItsRatingIsReportedMilestoneByMilestoneInOrderAndMasked() {
		StoredCase stored = submitted();
		awaitReports(stored, 1);

		casework.act(stored.file().id(), REVIEWER, file -> context -> file.flag("hukou", List.of(
				new Flag(null, "household-register", null, Flag.Problem.MISSING, "未带户口簿")), context)).block();
		approve(stored, "insurance", null);
		awaitReports(stored, 2);
		casework.submitCorrection(stored.file().id(), List.of(new Upload("household-register", "户口簿.pdf", PDF)), Actor.applicant()).block();
		approve(stored, "hukou", null);
		awaitReports(stored, 3);
		approve(stored, "card", "社保卡将邮寄到家");
		awaitReports(stored, 4);
		web.post().uri("/api/applications/{code}/rating", stored.file().receiptCode()).contentType(MediaType.APPLICATION_JSON)
				.header("X-Case-Key", links.keyFor(stored.file().receiptCode()))
				.bodyValue("{\"level\":\"satisfied\",\"channel\":\"mobile\",\"comment\":\"张三丰很满意\"}").exchange()
				.expectStatus().isCreated();
		List<JsonNode> reports = awaitReports(stored, 5);

		assertThat(reports).extracting(report -> report.path("report_type").asString() + " " + report.path("state_code").asString(""))
				.containsExactly("CASE 01", "CASE 02", "CASE 03", "CASE 05", "RATING ");
		assertThat(reports).extracting(report -> report.path("state_name").asString(""))
				.containsExactly("收件", "补正告知", "受理", "办结", "");
		List<JsonNode> caseReports = reports.subList(0, 4);
		assertThat(caseReports).extracting(report -> report.path("event_seq").asInt()).isSorted().doesNotHaveDuplicates();
		assertThat(caseReports).allSatisfy(report -> {
			assertThat(report.path("proj_id").asString()).isEqualTo(stored.file().id());
			assertThat(report.path("receipt_code").asString()).isEqualTo(stored.file().receiptCode());
			assertThat(report.path("applicant_type").asString()).isEqualTo("1");
			assertThat(report.path("applicant_name").asString()).isEqualTo("张**");
			assertThat(report.path("applicant_id_type").asString()).isEqualTo("111");
			assertThat(report.path("applicant_id_number").asString()).isEqualTo("451***************");
			assertThat(report.path("project_name").asString()).isEqualTo("新生儿出生一件事");
		});
		assertThat(reports).allSatisfy(report -> {
			assertThat(report.path("items")).extracting(item -> item.path("catalog_code").asString())
					.containsExactly("000707001000", "002040416000", "002013417000");
			assertThat(report.path("items")).allSatisfy(item -> assertThat(item.path("task_code").asString())
					.isEqualTo(catalog.current().guide(item.path("catalog_code").asString()).orElseThrow().implementationCode()));
			assertThat(report.path("items").get(0).path("dept_code").asString()).isEqualTo("11451421MB5912463H");
			assertThat(report.toString()).as("nothing of the applicant leaves unmasked")
					.doesNotContain(UNMASKED);
		});
		assertThat(reports.get(1).path("notice_materials")).extracting(JsonNode::asString).containsExactly("居民户口簿");
		assertThat(reports.get(1).path("correct_by").asString())
				.isEqualTo(casework.byId(stored.file().id()).block().file().latestNotice().orElseThrow().correctBy().toString());
		assertThat(reports.get(2).path("accept_basis").asString()).isEqualTo("补正后材料齐全，予以受理");
		assertThat(reports.get(3).path("result_code").asString()).isEqualTo("1");
		assertThat(reports.get(3).path("result_name").asString()).isEqualTo("准予许可");
		JsonNode rating = reports.get(4);
		assertThat(rating.path("evaluate_level").asInt()).isEqualTo(4);
		assertThat(rating.path("evaluate_channel").asString()).isEqualTo("2");
		assertThat(rating.has("comment")).as("free text stays in the hall").isFalse();
		assertThat(reports).extracting(report -> report.path("report_id").asString()).doesNotHaveDuplicates();
	}

	@Test
	void anApplicationTurnedAwayIsReportedAsNotAcceptedWithItsReasonAndNoResult() {
		StoredCase stored = submitted();
		awaitReports(stored, 1);

		casework.act(stored.file().id(), new Actor(Actor.Kind.WINDOW, "window", "一窗受理"),
				file -> context -> file.refuseToAccept("申请事项依法不属于本机关职权范围", "崇左市公安局", context)).block();

		List<JsonNode> reports = awaitReports(stored, 2);
		JsonNode notAccepted = reports.get(1);
		assertThat(notAccepted.path("state_code").asString()).isEqualTo("04");
		assertThat(notAccepted.path("state_name").asString()).isEqualTo("不予受理");
		assertThat(notAccepted.path("reason").asString()).isEqualTo("申请事项依法不属于本机关职权范围");
		assertThat(notAccepted.path("finish_date").asString())
				.isEqualTo(casework.byId(stored.file().id()).block().file().completion().completedOn().toString());
		assertThat(notAccepted.has("result_code")).as("nothing was decided on the merits").isFalse();
	}

	@Test
	void everyMilestoneIsReportedOnceThroughAnOutageAndALostAnswerIsNotTakenTwice() {
		int repeatedBefore = PLATFORM.repeatedReports();
		PLATFORM.goDown();
		List<StoredCase> cases = IntStream.range(0, 3).mapToObj(i -> submitted()).toList();
		cases.forEach(stored -> {
			approve(stored, "hukou", null);
			approve(stored, "insurance", null);
		});
		// every report was tried and failed while the platform was down
		await().atMost(Duration.ofSeconds(30)).until(() -> reportRows(cases, "last_error like '%平台暂时无法接收%'") == 6);

		PLATFORM.loseAnswers(2).comeBack();

		await().atMost(Duration.ofSeconds(60)).until(() -> reportRows(cases, "status = 'completed'") == 6);
		assertThat(reportRows(cases, "status = 'dead'")).isZero();
		cases.forEach(stored -> assertThat(reportsOf(stored)).extracting(report -> report.path("state_code").asString())
				.containsExactlyInAnyOrder("01", "03"));
		assertThat(PLATFORM.repeatedReports() - repeatedBefore)
				.as("the two reports whose answers were lost came again with their keys, and were not taken twice").isGreaterThanOrEqualTo(2);
	}

	@Test
	void aRefusedReportWaitsOnTheStaffPageWithThePlatformsReasonAndIsResent() {
		PLATFORM.refuseReports(report -> "01".equals(report.path("state_code").asString("")), "事项实施编码未在平台登记");
		StoredCase stored;
		try {
			stored = submitted();
			await().atMost(Duration.ofSeconds(30)).until(() -> reportRows(List.of(stored), "status = 'dead'") == 1);
		}
		finally {
			PLATFORM.takeAllReports();
		}
		assertThat(reportsOf(stored)).isEmpty();
		db.sql("delete from identity_staff").then().block();
		demoAccounts.create().block();
		StaffSession publisher = StaffSession.signedIn(web, "publisher", DemoAccounts.PASSWORD);

		String page = publisher.page("/staff/platform");
		assertThat(page).contains(stored.file().receiptCode() + " 收件：平台拒收（HTTP 422）：事项实施编码未在平台登记", "重新报送")
				.doesNotContain("张三丰");
		String message = db.sql("select id::text as id from outbox_message where kind = 'platform.case-report' and status = 'dead' and dedupe_key like :key")
				.bind("key", "%" + stored.file().id() + "%").map(row -> row.get("id", String.class)).one().block();

		String resent = publisher.follow(publisher.submit("/staff/platform", "/staff/platform/reports/resend", form("message", message)));

		assertThat(resent).contains("已重新报送");
		var malformed = publisher.submit("/staff/platform", "/staff/platform/reports/resend", form("message", "FS' or 1=1"));
		assertThat(malformed.getStatus().value()).isEqualTo(400);
		assertThat(publisher.follow(publisher.submit("/staff/platform", "/staff/platform/reports/resend",
				form("message", java.util.UUID.randomUUID().toString())))).contains("这条报送已不在待处理列表中");
		await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(stored).size() == 1);
		assertThat(reportsOf(stored).get(0).path("state_code").asString()).isEqualTo("01");
		assertThat(publisher.page("/staff/platform")).doesNotContain(stored.file().receiptCode());
		StaffSession reviewer = StaffSession.signedIn(web, "health", DemoAccounts.PASSWORD);
		assertThat(reviewer.get("/staff/platform").getStatus().value()).isEqualTo(403);
	}

	List<JsonNode> reportsOf(StoredCase stored) {
		return PLATFORM.reports().stream().filter(report -> report.path("proj_id").asString("").equals(stored.file().id())).toList();
	}

	/** Waits until the stand-in has taken this many reports of the case, and returns them in the order they came. */
	List<JsonNode> awaitReports(StoredCase stored, int count) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reportsOf(stored)).hasSize(count));
		return reportsOf(stored);
	}

	/** The platform report rows of these cases in the outbox that meet the condition. */
	long reportRows(List<StoredCase> cases, String condition) {
		return db.sql("select count(*) as n from outbox_message where kind = 'platform.case-report' and dedupe_key like any(:keys) and " + condition)
				.bind("keys", cases.stream().map(stored -> "platform-report:case:" + stored.file().id() + ":%").toArray(String[]::new))
				.map(row -> row.get("n", Long.class)).one().block();
	}
}
