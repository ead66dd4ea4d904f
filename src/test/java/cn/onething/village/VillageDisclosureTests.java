package cn.onething.village;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;

import cn.onething.catalog.Catalog;
import cn.onething.document.cases.PrintedQrCodes;
import cn.onething.identity.StaffRole;
import cn.onething.identity.StaffSession;
import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Village disclosure end to end on PostgreSQL: village staff publish through the console, residents read the
 * committee's page and its printed notice board (read back with PDFBox, its QR code decoded), and a figure that
 * differs from the county's is refused, then published only with a recorded reason that county staff see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.catalog.public-base-url=https://fusui.example.cn" })
class VillageDisclosureTests {

	static final String COUNTY_STANDARD = "农村低保标准每人每年5760元";
	static final String COUNTY_BASIS = "《社会救助暂行办法》；《最低生活保障审核确认办法》";
	static final String PLACED_PASSWORD = "Quli-Township-2026!";
	static final String OBJECTION = "向城东社区居务监督委员会或新宁镇民政办提出，电话0771-7521231";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Villages villages;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	DatabaseClient db;

	@Autowired
	StaffAccounts accounts;

	WebTestClient web;
	StaffSession village;
	LocalDate today;

	@BeforeEach
	void signedInVillageStaff() {
		catalog.importGuides("test").block();
		assertThat(villages.reload().block().problems()).as("the shipped guides/places/").isEmpty();
		demoAccounts.create().block();
		db.sql("delete from identity_staff where username = 'quli.pub'").then().block();
		db.sql("delete from outbox_message where kind = 'village.published'").then().block();
		db.sql("delete from village_audit").then().then(db.sql("delete from village_difference").then())
				.then(db.sql("delete from village_entry").then()).block();
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		village = StaffSession.signedIn(web, "village", DemoAccounts.PASSWORD);
		today = villages.today();
	}

	@Test
	void theShippedPlacesAreTheCountysElevenTownshipsEachWithItsDisclosureContact() {
		assertThat(villages.places().townships()).extracting(Township::name).containsExactlyInAnyOrder("新宁镇", "渠黎镇", "渠旧镇",
				"柳桥镇", "东门镇", "山圩镇", "中东镇", "东罗镇", "龙头乡", "岜盆乡", "昌平乡");
		assertThat(villages.places().townships()).allSatisfy(township -> {
			assertThat(township.contact().phone()).isNotBlank();
			assertThat(township.committees()).isNotEmpty().allSatisfy(c -> assertThat(c.contact().office()).isNotBlank());
		});
	}

	@Test
	void aVillageStandardThatDiffersFromTheCountysIsRefusedThenPublishedOnlyWithARecordedReasonThatCountyStaffSee() {
		EntityExchangeResult<String> refused = publish(dibao("农村低保标准每人每年5000元", "黄*明 3人 每月1200元", ""));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("data-field=\"standard\"", "与县级公开的“" + COUNTY_STANDARD + "”不一致");
		assertThat(count("village_entry")).isZero();

		EntityExchangeResult<String> published = publish(dibao("农村低保标准每人每年5000元", "黄*明 3人 每月1200元",
				"县里2026年新标准的文件尚未到村，沿用村民代表会议确认的数字"));

		assertThat(published.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		String county = StaffSession.signedIn(web, "publisher", DemoAccounts.PASSWORD).page("/staff/village");
		assertThat(county).contains("与县级公开不一致的内容", "农村低保标准每人每年5000元", COUNTY_STANDARD,
				"县里2026年新标准的文件尚未到村，沿用村民代表会议确认的数字", ">village<");
		assertThat(db.sql("select decided_by from village_difference").map(row -> row.get(0, String.class)).one().block())
				.isEqualTo("village");
	}

	@Test
	void anUnmaskedIdNumberInARecipientsListIsRefusedNamingTheListAndNothingIsPublished() {
		EntityExchangeResult<String> refused = publish(dibao(COUNTY_STANDARD, "黄*明 3人\n李*芳 45212219800101123X 1人", ""));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("data-field=\"recipients\"", "名单第2行含有完整的18位身份证号码")
				.contains("李*芳 45212219800101123X 1人").as("the form keeps what was typed");
		assertThat(count("village_entry")).isZero();
		assertThat(count("village_audit")).isZero();
	}

	@Test
	void aPeriodEndingBeforeItStartsIsRefused() {
		MultiValueMap<String, String> form = dibao(COUNTY_STANDARD, "黄*明 3人", "");
		form.set("endsOn", today.minusDays(1).toString());

		EntityExchangeResult<String> refused = publish(form);

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("data-field=\"endsOn\"", "公开结束日期早于开始日期");
		assertThat(count("village_entry")).isZero();
	}

	@Test
	void aMobileNumberInARecipientsListIsRefusedNamingTheListAndNothingIsPublished() {
		EntityExchangeResult<String> refused = publish(dibao(COUNTY_STANDARD, "黄*明 3人\n韦*芳 1人 13877112345", ""));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("data-field=\"recipients\"", "名单第2行含有完整的11位手机号码");
		assertNothingPublished();
	}

	@Test
	void anEntryMissingItsRequiredColumnsIsRefusedNamingEachAndNothingIsPublished() {
		EntityExchangeResult<String> refused = publish(StaffSession.form("committee", "xinning/chengdong", "item",
				"minimum-living-allowance", "title", " ", "content", "", "startsOn", today.toString(), "endsOn", ""));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("data-field=\"title\"", "data-field=\"content\"", "data-field=\"endsOn\"",
				"data-field=\"objectionChannel\"", "data-field=\"recipients\"");
		assertNothingPublished();
	}

	@Test
	void aFailureAfterTheEntryIsWrittenLeavesNothingHalfPublished() {
		// the audit line is written after the entry and its overridden differences: failing it must undo both
		db.sql("""
				create function village_audit_refuses() returns trigger language plpgsql as
				$$ begin raise exception 'audit unavailable'; end $$""").then().block();
		db.sql("create trigger village_audit_refuses before insert on village_audit for each row execute function village_audit_refuses()")
				.then().block();
		try {
			EntityExchangeResult<String> failed = publish(dibao("农村低保标准每人每年5000元", "黄*明 3人", "文件尚未到村"));

			assertThat(failed.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertNothingPublished();
			assertThat(count("village_difference")).isZero();
		}
		finally {
			db.sql("drop trigger village_audit_refuses on village_audit").then()
					.then(db.sql("drop function village_audit_refuses()").then()).block();
		}
	}

	private void assertNothingPublished() {
		assertThat(count("village_entry")).isZero();
		assertThat(count("village_audit")).isZero();
		assertThat(db.sql("select count(*) from outbox_message where kind = 'village.published'").map(row -> row.get(0, Long.class))
				.one().block()).as("no follower hears of it").isZero();
	}

	@Test
	void onlyVillageDisclosureStaffPublish() {
		StaffSession window = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD);

		assertThat(window.submit("/staff/village", "/staff/village/entries", dibao(COUNTY_STANDARD, "黄*明 3人", ""))
				.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(count("village_entry")).isZero();
	}

	@Test
	void aCommitteesPublisherSeesOnlyTheirCommitteeAndIsRefusedAnotherWithA403InChineseStoringNothing() {
		String console = village.page("/staff/village");
		assertThat(console).contains("value=\"xinning/chengdong\"", "您可以发布 新宁镇城东社区居委会 的公开内容")
				.doesNotContain("value=\"xinning/xinning-village\"", "value=\"quli/sanhe\"");

		MultiValueMap<String, String> elsewhere = dibao(COUNTY_STANDARD, "黄*明 3人", "");
		elsewhere.set("committee", "xinning/xinning-village");
		EntityExchangeResult<String> refused = publish(elsewhere);

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getResponseBody()).contains("您的账号只能发布 新宁镇城东社区居委会 的公开内容，不能为新宁村民委员会发布");
		assertThat(count("village_entry")).isZero();
		assertThat(count("village_audit")).isZero();
	}

	@Test
	void aTownshipsPublisherCoversItsCommitteesOnlyAndCountyStaffWithoutAPlacePublishNothing() {
		StaffSession township = StaffSession.signedIn(web, "township", DemoAccounts.PASSWORD);
		MultiValueMap<String, String> neighbour = dibao(COUNTY_STANDARD, "黄*明 3人", "");
		neighbour.set("committee", "xinning/xinning-village");
		MultiValueMap<String, String> otherTownship = dibao(COUNTY_STANDARD, "黄*明 3人", "");
		otherTownship.set("committee", "quli/sanhe");

		assertThat(township.page("/staff/village")).contains("value=\"xinning/chengdong\"", "value=\"xinning/xinning-village\"")
				.doesNotContain("value=\"quli/sanhe\"");
		assertThat(township.submit("/staff/village", "/staff/village/entries", neighbour).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(township.submit("/staff/village", "/staff/village/entries", otherTownship).getStatus())
				.isEqualTo(HttpStatus.FORBIDDEN);

		StaffSession county = StaffSession.signedIn(web, "county", DemoAccounts.PASSWORD);
		assertThat(county.page("/staff/village")).contains("您的账号未指定所属乡镇或村（社区），只能查看").doesNotContain("<h2>发布公开内容</h2>");
		EntityExchangeResult<String> unplaced = county.submit("/staff/password", "/staff/village/entries", otherTownship);
		assertThat(unplaced.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unplaced.getResponseBody()).contains("未指定所属乡镇或村（社区）");
		assertThat(db.sql("select committee from village_entry").map(row -> row.get(0, String.class)).all().collectList().block())
				.containsExactly("xinning-village");
	}

	@Test
	void aTownshipsPublisherSeesOnlyTheirTownshipsOverridesWhileTheCountySeesThemAll() {
		MultiValueMap<String, String> differing = dibao("农村低保标准每人每年5000元", "黄*明 3人", "文件尚未到村");
		differing.set("committee", "quli/sanhe");
		StaffSession quli = placedPublisher("quli.pub", "quli");
		assertThat(quli.submit("/staff/village", "/staff/village/entries", differing).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

		assertThat(StaffSession.signedIn(web, "township", DemoAccounts.PASSWORD).page("/staff/village"))
				.doesNotContain("农村低保标准每人每年5000元", "<h3>渠黎镇</h3>").contains("<h3>新宁镇</h3>");
		assertThat(StaffSession.signedIn(web, "county", DemoAccounts.PASSWORD).page("/staff/village"))
				.contains("农村低保标准每人每年5000元", "文件尚未到村", "<h3>渠黎镇</h3>", "<h3>新宁镇</h3>");
	}

	private StaffSession placedPublisher(String username, String place) {
		accounts.create("test", new StaffAccounts.NewAccount(username, "渠黎镇村务公开员", null, Set.of(StaffRole.DISCLOSURE),
				PLACED_PASSWORD, place)).block();
		db.sql("update identity_staff set must_change_password = false where username = :u").bind("u", username).then().block();
		return StaffSession.signedIn(web, username, PLACED_PASSWORD);
	}

	@Test
	void aResidentReadsTheRunningPublicityWithItsDaysLeftAndObjectionChannelFromTheHomePage() {
		assertThat(publish(dibao(COUNTY_STANDARD, "黄*明 3人 每月1440元", "")).getStatus()).isEqualTo(HttpStatus.SEE_OTHER);

		assertThat(page("/")).contains("href=\"/places\"");
		assertThat(page("/places")).contains("href=\"/places/xinning\"", "新宁镇", "昌平乡");
		assertThat(page("/places/xinning")).contains("href=\"/places/xinning/chengdong\"", "0771-7521201");
		assertThat(page("/places/xinning/chengdong")).contains("2026年低保对象公示", "还剩 6 天", "异议渠道：" + OBJECTION,
				"黄*明 3人 每月1440元", COUNTY_STANDARD, "村级公开事项目录", "耕地地力保护补贴发放公示", "村级");
		assertThat(page("/places/xinning/xinning-village")).contains("目前没有正在公开的内容");
		web.get().uri("/places/xinning/nowhere").exchange().expectStatus().isNotFound();
		web.get().uri("/places/nowhere/board.pdf").exchange().expectStatus().isNotFound();
		web.get().uri("/places/xinning/chengdong/board.pdf?paper=B5").exchange().expectStatus().isBadRequest();
	}

	@Test
	void theNoticeBoardPrintsTheEntriesWithThePublicityPeriodTheObjectionChannelAndAQrCodeOfThePage() throws IOException {
		publish(dibao(COUNTY_STANDARD, "黄*明 3人 每月1440元\n韦*  1人 每月480元", ""));

		byte[] pdf = web.get().uri("/places/xinning/chengdong/board.pdf?paper=A3").exchange().expectStatus().isOk()
				.expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();

		try (PDDocument board = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(board).replaceAll("\\s+", "");
			assertThat(text).contains("城东社区居委会", "村（居）务公开栏", "2026年低保对象公示", "最低生活保障对象公示", "公示期",
					"异议渠道" + OBJECTION.replaceAll("\\s+", ""), COUNTY_STANDARD, "黄*明3人每月1440元", "城东社区居务监督委员会",
					"0771-7521231");
			assertThat(board.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A3.getWidth(), org.assertj.core.data.Offset.offset(1f));
			assertThat(PrintedQrCodes.of(board)).contains("https://fusui.example.cn/places/xinning/chengdong");
		}
	}

	private EntityExchangeResult<String> publish(MultiValueMap<String, String> form) {
		return village.submit("/staff/village", "/staff/village/entries", form);
	}

	private MultiValueMap<String, String> dibao(String standard, String recipients, String reason) {
		return StaffSession.form("committee", "xinning/chengdong", "item", "minimum-living-allowance",
				"title", "2026年低保对象公示", "content", "经入户调查和民主评议，以下家庭拟纳入最低生活保障。",
				"startsOn", today.toString(), "endsOn", today.plusDays(6).toString(), "objectionChannel", OBJECTION,
				"standard", standard, "basis", COUNTY_BASIS, "recipients", recipients, "overrideReason", reason);
	}

	private String page(String path) {
		return web.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
				.expectBody(String.class).returnResult().getResponseBody();
	}

	private long count(String table) {
		return db.sql("select count(*) from " + table).map(row -> row.get(0, Long.class)).one().block();
	}
}
