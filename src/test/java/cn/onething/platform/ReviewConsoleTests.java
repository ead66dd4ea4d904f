package cn.onething.platform;

import java.nio.file.Path;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogDraft;
import cn.onething.catalog.FixedDay;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewer's console with review before publication switched on, over HTTP: a platform sync becomes a draft
 * that applicants do not see, the reviewer of the government above (上级审核) reads its changes in Chinese and
 * approves it, which publishes it; a sent-back draft never shows; only that role decides.
 */
@Import(FixedDay.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.catalog.import-on-startup=false", "onething.catalog.review-before-publication=true",
		"onething.identity.demo-accounts=false" })
class ReviewConsoleTests {

	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");
	static final PlatformStandIn PLATFORM = new PlatformStandIn();
	static final String RESIDENCE = "000707410000";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PLATFORM.register(registry, GUIDES);
	}

	@AfterAll
	static void stopPlatform() {
		PLATFORM.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	PlatformSync platformSync;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	@BeforeEach
	void ourCatalogueApprovedAndStaffSignedUp() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		db.sql("truncate platform_sync, catalog_draft, catalog_guide_version, catalog_item, catalog_import cascade").then().block();
		GuideFolderFixture.replaceContentsOf(GUIDES);
		catalog.importGuides("test").block();
		catalog.approve(catalog.drafts().blockFirst().id(), "setup").block();
		db.sql("delete from identity_staff").then().block();
		demoAccounts.create().block();
		PLATFORM.serve("fusui-items.json");
	}

	@Test
	void aSyncedDraftIsInvisibleUntilTheReviewerApprovesIt() {
		StaffSession publisher = StaffSession.signedIn(web, "publisher", DemoAccounts.PASSWORD);
		publisher.follow(publisher.submit("/staff/platform", "/staff/platform/sync", form()));
		long draft = catalog.drafts().blockFirst().id();
		assertThat(applicantStatus(RESIDENCE)).isEqualTo(HttpStatus.NOT_FOUND);

		StaffSession superior = StaffSession.signedIn(web, "superior", DemoAccounts.PASSWORD);
		String review = superior.page("/staff/reviews/" + draft);
		assertThat(review).contains("新增事项（2）", "居住证申领", "保留的本县内容", "常见问题", "全区一体化平台同步",
				"AUDIT_ITEM_EXTEND.handle_area");

		String approved = superior.follow(superior.submit("/staff/reviews/" + draft, "/staff/reviews/" + draft + "/approve", form()));

		assertThat(approved).contains("已批准", "已发布");
		assertThat(applicantStatus(RESIDENCE)).isEqualTo(HttpStatus.OK);
		assertThat(catalog.draft(draft).block().reviewer()).isEqualTo("superior");
	}

	@Test
	void aSentBackDraftNeverShowsAndKeepsTheReviewersReasons() {
		platformSync.sync().block();
		long draft = catalog.drafts().blockFirst().id();
		StaffSession superior = StaffSession.signedIn(web, "superior", DemoAccounts.PASSWORD);

		var blank = superior.submit("/staff/reviews/" + draft, "/staff/reviews/" + draft + "/send-back", form("reason", "  "));
		assertThat(blank.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		String sentBack = superior.follow(superior.submit("/staff/reviews/" + draft, "/staff/reviews/" + draft + "/send-back",
				form("reason", "居住证申领的承诺时限请与市级目录核对")));

		assertThat(sentBack).contains("已退回", "居住证申领的承诺时限请与市级目录核对");
		assertThat(catalog.draft(draft).block().status()).isEqualTo(CatalogDraft.Status.SENT_BACK);
		assertThat(applicantStatus(RESIDENCE)).isEqualTo(HttpStatus.NOT_FOUND);
		var approveLater = superior.post("/staff/reviews/" + draft + "/approve",
				form("_csrf", StaffSession.csrfToken(superior.page("/staff/reviews"))));
		assertThat(approveLater.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(applicantStatus(RESIDENCE)).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyTheSuperiorReviewerDecidesAndOtherStaffDoNotSeeDrafts() {
		platformSync.sync().block();
		long draft = catalog.drafts().blockFirst().id();
		StaffSession publisher = StaffSession.signedIn(web, "publisher", DemoAccounts.PASSWORD);
		StaffSession window = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD);

		assertThat(publisher.page("/staff/reviews/" + draft)).contains("居住证申领").doesNotContain("批准发布");
		assertThat(publisher.submit("/staff/reviews/" + draft, "/staff/reviews/" + draft + "/approve", form()).getStatus())
				.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(window.get("/staff/reviews").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(window.get("/staff/reviews/abc").getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(catalog.draft(draft).block().status()).isEqualTo(CatalogDraft.Status.PENDING);
	}

	@Test
	void theSyncPageListsEveryProblemOfABrokenPayloadAndTheLastGoodSync() {
		StaffSession publisher = StaffSession.signedIn(web, "publisher", DemoAccounts.PASSWORD);
		publisher.follow(publisher.submit("/staff/platform", "/staff/platform/sync", form()));
		PLATFORM.serve("fusui-items-broken.json");

		String page = publisher.follow(publisher.submit("/staff/platform", "/staff/platform/sync", form()));

		assertThat(page).contains("数据有误，未导入", "task_type", "未知的事项类型代码", "十五", "AUDIT_MATERIAL[1]", "缺少必填字段")
				.doesNotContain("尚未成功同步");
		assertThat(catalog.drafts().blockFirst().status()).as("the earlier draft still waits").isEqualTo(CatalogDraft.Status.PENDING);
	}


	private HttpStatus applicantStatus(String code) {
		return HttpStatus.valueOf(web.get().uri("/g/" + code).exchange().returnResult(String.class).getStatus().value());
	}
}
