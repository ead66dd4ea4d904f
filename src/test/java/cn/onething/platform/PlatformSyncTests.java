package cn.onething.platform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.FixedDay;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.model.Guide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Synchronising the catalogue from the regional platform's stand-in on loopback, against real PostgreSQL, with
 * review switched off (files and the platform publish at once): the fixture's items arrive, a second payload gives
 * exactly the expected change set, and a broken payload or an unreachable platform changes nothing.
 */
@Import(FixedDay.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"onething.catalog.import-on-startup=false", "onething.platform.page-size=2" })
class PlatformSyncTests {

	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");
	static final PlatformStandIn PLATFORM = new PlatformStandIn();
	static final String BIRTH = "000707001000";
	static final String RESIDENCE = "000707410000";
	static final String ORPHAN = "450511709000";
	static final String CORRECTION = "000707411000";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PLATFORM.register(registry, GUIDES);
	}

	@AfterAll
	static void stopPlatform() {
		PLATFORM.close();
	}

	@Autowired
	PlatformSync platform;

	@Autowired
	Catalog catalog;

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void ourCatalogueOnly() {
		db.sql("truncate platform_sync, catalog_draft, catalog_guide_version, catalog_item, catalog_import cascade").then().block();
		GuideFolderFixture.replaceContentsOf(GUIDES);
		catalog.importGuides("test").block();
	}

	@Test
	void theFixtureAddsItsNewItemsAndKeepsWhatOnlyOurGuidesHave() {
		SyncResult result = PLATFORM.serve("fusui-items.json").let(p -> platform.sync().block());

		assertThat(result.outcome()).isEqualTo(SyncRecord.Outcome.SUBMITTED);
		assertThat(result.changes().added()).extracting(ChangeSet.Entry::code).containsExactly(RESIDENCE, ORPHAN);
		Guide residence = catalog.current().guide(RESIDENCE).orElseThrow();
		assertThat(residence.domainId()).isEqualTo("household-registration");
		assertThat(residence.timeLimit().committed()).isEqualTo(10);
		assertThat(residence.materials()).extracting(m -> m.name(), m -> m.required())
				.contains(tuple("居民身份证", true), tuple("就业或就读证明", false));
		assertThat(catalog.current().guide(ORPHAN).orElseThrow().specialProcedures()).extracting(Guide.SpecialProcedure::limit).containsExactly(10);
		Guide birth = catalog.current().guide(BIRTH).orElseThrow();
		assertThat(birth.faq()).hasSize(2);
		assertThat(birth.aliases()).contains("新生儿落户");
		assertThat(birth.materials()).extracting(m -> m.id()).contains("birth-certificate");
		assertThat(result.changes().kept()).extracting(ChangeSet.Kept::code, ChangeSet.Kept::field)
				.contains(tuple(BIRTH, "常见问题"), tuple(BIRTH, "别名"));
		assertThat(result.changes().unmapped()).contains("AUDIT_ITEM_EXTEND.handle_area", "AUDIT_MATERIAL[].page_format");
		assertThat(catalog.current().guide("000540401000")).as("an item of ours the platform lacks stays").isPresent();
	}

	@Test
	void theItemsArriveInPagesFollowingTheLastTimestamp() {
		PLATFORM.serve("fusui-items.json");
		int before = PLATFORM.requests().size();

		platform.sync().block();

		assertThat(PLATFORM.requests().subList(before, PLATFORM.requests().size()))
				.containsExactly("LASTTIMESTAMP=0&PAGESIZE=2", "LASTTIMESTAMP=2&PAGESIZE=2");
	}

	@Test
	void aSecondPayloadGivesExactlyTheExpectedChangeSet() {
		PLATFORM.serve("fusui-items.json");
		platform.sync().block();
		PLATFORM.serve("fusui-items-changed.json");

		ChangeSet changes = platform.sync().block().changes();

		assertThat(changes.added()).containsExactly(new ChangeSet.Entry(CORRECTION, "户口登记项目变更更正"));
		assertThat(changes.changed()).extracting(ChangeSet.Changed::code, c -> c.fields().stream().map(f -> f.field()).toList())
				.containsExactly(tuple(BIRTH, List.of("办理地点和时间")), tuple(RESIDENCE, List.of("承诺时限")));
		assertThat(changes.changed().get(1).fields()).containsExactly(new GuideDiff.FieldChange("承诺时限", "10个工作日", "7个工作日"));
		assertThat(changes.withdrawn()).containsExactly(new ChangeSet.Entry(ORPHAN, "孤儿基本生活费发放"));
		assertThat(changes.conflicts()).extracting(ChangeSet.Conflict::code, ChangeSet.Conflict::field, ChangeSet.Conflict::platform)
				.containsExactly(tuple(BIRTH, "常见问题", "出生登记可以网上办吗？"));
		assertThat(catalog.current().guide(ORPHAN)).isEmpty();
		assertThat(catalog.current().guide(BIRTH).orElseThrow().faq()).as("ours kept until a person settles it").hasSize(2);
	}

	@Test
	void theSamePayloadTwiceChangesNothingTheSecondTime() {
		PLATFORM.serve("fusui-items.json");
		platform.sync().block();
		long version = catalog.current().importId();

		SyncResult again = platform.sync().block();

		assertThat(again.outcome()).isEqualTo(SyncRecord.Outcome.UNCHANGED);
		assertThat(catalog.current().importId()).isEqualTo(version);
	}

	@Test
	void aBrokenPayloadAppliesNothingAndNamesEveryProblemItemByItem() {
		long version = catalog.current().importId();

		SyncResult result = PLATFORM.serve("fusui-items-broken.json").let(p -> platform.sync().block());

		assertThat(result.outcome()).isEqualTo(SyncRecord.Outcome.REJECTED);
		assertThat(result.problems()).extracting(ItemProblem::block, ItemProblem::field, ItemProblem::value).contains(
				tuple("AUDIT_ITEM", "task_type", "31"),
				tuple("AUDIT_ITEM", "anticipate_day", "十五"),
				tuple("AUDIT_MATERIAL[1]", "is_need", "7"),
				tuple("AUDIT_ITEM", "task_name", ""),
				tuple("AUDIT_ITEM", "dept_code", "11451421MB0000000X"),
				tuple("AUDIT_ITEM_WINDOW", "", "{\"window_name\":\"窗口\"}"));
		assertThat(result.problems()).extracting(ItemProblem::item).allMatch(item -> item.startsWith("第2项") || item.startsWith("第3项"));
		assertThat(catalog.current().importId()).isEqualTo(version);
		assertThat(catalog.current().guide(BIRTH).orElseThrow().windows().get(0).phone()).isEqualTo("0771-7531110");
		assertThat(platform.latest().block().outcome()).isEqualTo(SyncRecord.Outcome.REJECTED);
	}

	@Test
	void aTruncatedBodyAppliesNothing() {
		String whole = PlatformStandIn.fixtureText("fusui-items.json");
		long version = catalog.current().importId();

		SyncResult result = PLATFORM.serve("fusui-items.json").answerWith(whole.substring(0, whole.length() / 2)).let(p -> platform.sync().block());

		assertThat(result.outcome()).isEqualTo(SyncRecord.Outcome.REJECTED);
		assertThat(result.problems()).singleElement().extracting(ItemProblem::field).isEqualTo("body");
		assertThat(catalog.current().importId()).isEqualTo(version);
	}

	@Test
	void anUnreachablePlatformLeavesTheCatalogueAsItIsAndTheLastGoodSyncShows() {
		PLATFORM.serve("fusui-items.json");
		platform.sync().block();
		Instant lastGood = platform.lastSuccess().block();
		long version = catalog.current().importId();

		SyncResult result = PLATFORM.goDown().let(p -> platform.sync().block());

		assertThat(result.outcome()).isEqualTo(SyncRecord.Outcome.UNREACHABLE);
		assertThat(catalog.current().importId()).isEqualTo(version);
		assertThat(platform.latest().block().outcome()).isEqualTo(SyncRecord.Outcome.UNREACHABLE);
		assertThat(platform.lastSuccess().block()).isEqualTo(lastGood);
	}
}
