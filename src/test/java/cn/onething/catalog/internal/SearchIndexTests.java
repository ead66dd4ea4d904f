package cn.onething.catalog.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.SearchHit;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTests {

	@TempDir
	Path folder;

	SearchIndex index;

	@BeforeEach
	void indexTheFixture() {
		GuideFolder read = GuideFolderReader.read(GuideFolderFixture.copyInto(folder).root());
		var guides = read.guides().stream().map(GuideFolder.SourcedGuide::guide).toList();
		var disclosureCatalog = new CatalogSnapshot(1, Instant.EPOCH, read.hall(), read.domains(), read.departments(), guides, Map.of())
				.disclosureCatalog();
		index = new SearchIndex(guides, read.domains(), disclosureCatalog);
	}

	@Test
	void anAliasFindsTheItemsOfficialName() {
		assertThat(names("低保")).containsExactly("最低生活保障审核确认");
		assertThat(index.search("低保").hits().get(0).reason()).isEqualTo("又称“低保”");
	}

	@Test
	void aQueryThatContainsAnAliasFindsTheItem() {
		assertThat(names("低保怎么申请")).containsExactly("最低生活保障审核确认");
	}

	@Test
	void partOfANameFindsTheItem() {
		assertThat(names("生活保障")).containsExactly("最低生活保障审核确认");
	}

	@Test
	void aMaterialNameFindsTheItemsThatAskForIt() {
		assertThat(names("户口簿")).containsExactlyInAnyOrder("出生登记", "最低生活保障审核确认");
	}

	@Test
	void aNameMatchRanksAboveAMaterialMatch() {
		List<SearchHit> hits = index.search("出生").hits();

		assertThat(hits.get(0).guide().name()).isEqualTo("出生登记");
		assertThat(hits.get(0).reason()).isEqualTo("名称");
	}

	@Test
	void theTwelveDigitCodeAndItsPrefixFindTheItem() {
		assertThat(names("000540401000")).containsExactly("最低生活保障审核确认");
		assertThat(names("0005")).containsExactly("最低生活保障审核确认");
	}

	@Test
	void fullWidthDigitsAndSurroundingSpacesAreNormalised() {
		assertThat(names("　０００５４０４０１０００ ")).containsExactly("最低生活保障审核确认");
	}

	@Test
	void everyWordOfAQueryMustMatch() {
		assertThat(names("出生 户口簿")).containsExactly("出生登记");
		assertThat(names("出生 低保")).isEmpty();
	}

	@Test
	void aNearMissStillFindsTheItem() {
		assertThat(names("最低生活保证")).containsExactly("最低生活保障审核确认");
	}

	@Test
	void aDomainAliasSuggestsTheDomainWithoutListingAllItsItems() {
		var result = index.search("户口");

		assertThat(result.domains()).extracting(d -> d.name()).containsExactly("户籍管理");
	}

	@Test
	void anEmptyQueryFindsNothing() {
		assertThat(index.search("  ").hits()).isEmpty();
		assertThat(index.search("  ").disclosures()).isEmpty();
	}

	@Test
	void wordsOfADisclosureItemFindItApartFromTheGuides() {
		var result = index.search("救助标准");

		assertThat(result.hits()).isEmpty();
		assertThat(result.disclosures()).singleElement().satisfies(hit -> {
			assertThat(hit.row().disclosure().secondLevel()).isEqualTo("最低生活保障");
			assertThat(hit.row().code()).isEqualTo("000540401000");
			assertThat(hit.reason()).isEqualTo("公开内容");
		});
	}

	@Test
	void aDisclosureItemIsFoundByItsSubjectAndEveryWordMustMatch() {
		assertThat(index.search("民政局 救助标准").disclosures()).extracting(hit -> hit.row().disclosure().secondLevel())
				.containsExactly("最低生活保障");
		assertThat(index.search("公安局 救助标准").disclosures()).isEmpty();
	}

	@Test
	void aGuidesNameFindsBothTheGuideAndItsDisclosureItem() {
		var result = index.search("最低生活保障");

		assertThat(result.hits()).extracting(h -> h.guide().name()).containsExactly("最低生活保障审核确认");
		assertThat(result.disclosures()).extracting(h -> h.reason()).containsExactly("二级事项");
	}

	private List<String> names(String query) {
		return index.search(query).hits().stream().map(h -> h.guide().name()).toList();
	}
}
