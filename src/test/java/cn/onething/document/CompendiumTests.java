package cn.onething.document;

import java.util.List;
import java.util.Map;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import cn.onething.document.PrintedCompendium.Bookmark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static cn.onething.document.PrintedCompendium.compact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compendium of the whole shipped catalogue and bundles, read back as a reader (and a search engine) would. The
 * one-thing pages have tests of their own ({@link OneThingPagesTests}).
 */
class CompendiumTests {

	static CatalogSnapshot catalogue;
	static Compendium compendium;
	static PrintedCompendium printed;

	@BeforeAll
	static void printTheShippedCatalogue() {
		catalogue = CompendiumFixture.shipped();
		compendium = CompendiumFixture.shippedBook();
		printed = new PrintedCompendium(compendium.pdf());
	}

	@AfterAll
	static void close() {
		printed.close();
	}

	@Test
	void theCoverNamesTheHallTheTitleTheCatalogueVersionAndTheDateOfCompilation() {
		String cover = printed.text(1);

		assertThat(cover).contains("扶绥县政务服务中心", "办事指南一本通", "目录版本：第 12 版", "一件事版本：第 3 版",
				"编印日期：2025年3月5日", "收录 26 个领域、" + catalogue.guides().size() + " 个事项和 6 件一件事");
		assertThat(compendium.title()).isEqualTo("扶绥县办事指南一本通");
	}

	@Test
	void everyGuideIsOnThePageItsContentsLineItsBookmarkAndItsFooterName() {
		Map<String, Integer> contents = printed.contents(printed.bookmark("目录").page(),
				printed.bookmark("一件事一次办").page() - 1);

		for (Domain domain : catalogue.domains()) {
			Bookmark domainMark = printed.bookmark(domain.name());
			assertThat(contents).as(domain.name()).containsEntry(domain.name(), domainMark.page());
			List<Guide> guides = catalogue.guidesOf(domain.id());
			assertThat(domainMark.children()).extracting(Bookmark::title).containsExactlyElementsOf(
					guides.stream().map(Guide::name).toList());
			for (int i = 0; i < guides.size(); i++) {
				Guide guide = guides.get(i);
				int page = domainMark.children().get(i).page();
				assertThat(contents).as(guide.name()).containsEntry(guide.name(), page);
				assertThat(compact(printed.text(page))).as(guide.name()).startsWith(compact(guide.name()));
				assertThat(printed.footer(page)).as(guide.name()).hasValueSatisfying(f -> assertThat(f[0]).isEqualTo(page));
			}
		}
	}

	@Test
	void everyPageButTheCoverSaysWhichPageItIsOfHowMany() {
		assertThat(compendium.pageCount()).isEqualTo(printed.pageCount());
		assertThat(printed.footer(1)).isEmpty();
		for (int page = 2; page <= printed.pageCount(); page++) {
			int expected = page;
			assertThat(printed.footer(page)).as("page %d", page)
					.hasValueSatisfying(f -> assertThat(f).containsExactly(expected, printed.pageCount()));
		}
	}

	@Test
	void namesMaterialsAndConditionsExtractExactlyAsWritten() {
		List<Bookmark> guidesInOrder = catalogue.domains().stream().map(domain -> printed.bookmark(domain.name()))
				.flatMap(b -> b.children().stream()).toList();
		for (int i = 0; i < guidesInOrder.size(); i++) {
			Bookmark mark = guidesInOrder.get(i);
			Guide guide = catalogue.guides().stream().filter(g -> g.name().equals(mark.title())).findFirst().orElseThrow();
			int lastPage = i + 1 < guidesInOrder.size() ? guidesInOrder.get(i + 1).page() - 1 : mark.page();
			String text = printed.compactText(mark.page(), lastPage);
			String cells = printed.compactCells(mark.page(), lastPage);

			assertThat(text.contains(compact(guide.name()))).as("name of %s", guide.name()).isTrue();
			assertThat(text.contains(compact(guide.conditions()))).as("conditions of %s", guide.name()).isTrue();
			for (Material material : guide.materials()) {
				assertThat(cells.contains(compact(material.name()))).as("%s in %s", material.name(), guide.name()).isTrue();
			}
		}
	}

	@Test
	void everyFontIsEmbeddedSoNoMachineNeedsChineseFonts() {
		assertThat(printed.fonts()).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
	}

	@Test
	void theQrCodeOnAGuidesFirstPageOpensItsMobilePage() {
		for (Guide guide : List.of(catalogue.guides().get(0), CompendiumFixture.birthRegistration())) {
			int page = printed.bookmark(catalogue.domain(guide.domainId()).orElseThrow().name()).children().stream()
					.filter(b -> b.title().equals(guide.name())).findFirst().orElseThrow().page();

			assertThat(printed.qrCode(page)).as(guide.name())
					.contains("https://zwfw.example.cn/g/" + guide.code());
		}
	}

	@Test
	void theAppendixIsTheDisclosureCatalogueWithTickedChannels() {
		Bookmark appendix = printed.bookmark("附录　基层政务公开标准目录");
		String text = printed.compactCells(appendix.page(), printed.pageCount());

		assertThat(text).contains("序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体",
				"公开渠道和载体", "公开对象", "全社会", "特定群众", "公开方式", "主动", "依申请", "公开层级", "县级", "乡村级");
		// 出生登记 is disclosed on the government website, in the service centre, at reading points and on 两微一端.
		assertThat(text).contains("出生登记", "☑政府网站☑公开查阅点☑政务服务中心☐公示栏☐发布会☑两微一端☐其他");
		assertThat(compact(printed.text(printed.pageCount()))).contains(String.valueOf(catalogue.guides().size()));
	}

	@Test
	void everyCharacterOfTheShippedCatalogueHasAFont() {
		assertThat(compendium.missingCharacters()).isEmpty();
	}
}
