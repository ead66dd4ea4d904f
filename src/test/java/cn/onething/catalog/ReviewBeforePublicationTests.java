package cn.onething.catalog;

import java.nio.file.Path;
import java.time.LocalDate;

import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.onething.catalog.GuideFolderFixture.BIRTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Review before publication switched on: a changed guides folder becomes a draft applicants do not see; only a
 * reviewer's approval publishes it, with the approver on the version; a sent-back draft never shows; a draft
 * planned for a later effective date is published on that day.
 */
@Import(FixedDay.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"onething.catalog.import-on-startup=false", "onething.catalog.review-before-publication=true" })
class ReviewBeforePublicationTests {

	static final Path GUIDES = GuideFolderFixture.temporaryFolder("guides");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.catalog.guides-dir", GUIDES::toString);
	}

	@Autowired
	Catalog catalog;

	@Autowired
	DatabaseClient db;

	GuideFolderFixture guides;

	@BeforeEach
	void emptyCatalogueAndFreshFolder() {
		db.sql("truncate catalog_draft, catalog_guide_version, catalog_item, catalog_import cascade").then().block();
		catalog.reload().block();
		guides = GuideFolderFixture.replaceContentsOf(GUIDES);
	}

	@Test
	void aChangedFolderWaitsAsADraftThatApplicantsDoNotSee() {
		ImportResult result = catalog.importGuides("test").block();

		assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.DRAFTED);
		assertThat(catalog.current().guides()).isEmpty();
		assertThat(count("catalog_import")).isZero();
		assertThat(catalog.drafts().collectList().block()).singleElement()
				.extracting(CatalogDraft::status).isEqualTo(CatalogDraft.Status.PENDING);
	}

	@Test
	void submittingTheSameFolderAgainMakesNoSecondDraft() {
		catalog.importGuides("start-up").block();

		ImportResult again = catalog.importGuides("start-up").block();

		assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.UNCHANGED);
		assertThat(count("catalog_draft")).isEqualTo(1);
	}

	@Test
	void approvalPublishesTheDraftWithTheApproverAndTimeOnTheVersion() {
		catalog.importGuides("test").block();
		long id = onlyDraft().id();

		CatalogDraft approved = catalog.approve(id, "reviewer-zhang").block();

		assertThat(approved.status()).isEqualTo(CatalogDraft.Status.PUBLISHED);
		assertThat(approved.importId()).isEqualTo(catalog.current().importId());
		assertThat(catalog.current().guide("000707001000")).isPresent();
		assertThat(db.sql("select approved_by, approved_at is not null as timed from catalog_import")
				.map(row -> row.get("approved_by", String.class) + " " + row.get("timed", Boolean.class)).one().block())
				.isEqualTo("reviewer-zhang true");
	}

	@Test
	void aSentBackDraftNeverShowsAndCannotBeApprovedAfterwards() {
		catalog.importGuides("test").block();
		long id = onlyDraft().id();

		CatalogDraft sentBack = catalog.sendBack(id, "reviewer-zhang", "承诺时限与上级目录不一致").block();

		assertThat(sentBack.status()).isEqualTo(CatalogDraft.Status.SENT_BACK);
		assertThat(sentBack.reason()).isEqualTo("承诺时限与上级目录不一致");
		assertThatThrownBy(() -> catalog.approve(id, "reviewer-li").block()).isInstanceOf(DraftNotOpen.class);
		assertThat(catalog.publishDue().block()).isZero();
		assertThat(catalog.reload().block().guides()).isEmpty();
		assertThat(count("catalog_import")).isZero();
	}

	@Test
	void aLaterDraftReplacesTheOneStillWaiting() {
		catalog.importGuides("test").block();
		long first = onlyDraft().id();
		guides.replace(BIRTH, "committed: 1", "committed: 2");

		catalog.importGuides("test").block();

		assertThat(catalog.draft(first).block().status()).isEqualTo(CatalogDraft.Status.SUPERSEDED);
		assertThatThrownBy(() -> catalog.approve(first, "reviewer-zhang").block()).isInstanceOf(DraftNotOpen.class);
	}

	@Test
	void aDraftPlannedForALaterDateIsPublishedOnlyWhenThatDayComes() {
		guides.replace(BIRTH, "effectiveDate: 2025-01-01", "effectiveDate: 2025-04-01");
		catalog.importGuides("test").block();
		long id = onlyDraft().id();

		CatalogDraft approved = catalog.approve(id, "reviewer-zhang").block();

		assertThat(approved.status()).isEqualTo(CatalogDraft.Status.APPROVED);
		assertThat(approved.publishOn()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(catalog.publishDue().block()).isZero();
		assertThat(catalog.reload().block().guides()).isEmpty();

		db.sql("update catalog_draft set publish_on = date '2025-03-05' where id = :id").bind("id", id).then().block();
		assertThat(catalog.publishDue().block()).isEqualTo(1);

		assertThat(catalog.draft(id).block().status()).isEqualTo(CatalogDraft.Status.PUBLISHED);
		assertThat(catalog.reload().block().guide("000707001000")).isPresent();
	}

	private CatalogDraft onlyDraft() {
		return catalog.drafts().blockFirst();
	}

	private long count(String table) {
		return db.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one().block();
	}
}
