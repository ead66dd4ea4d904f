package cn.onething.document;

import java.util.List;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import cn.onething.document.PrintedCompendium.Bookmark;
import org.junit.jupiter.api.Test;

import static cn.onething.document.CompendiumFixture.birthRegistration;
import static cn.onething.document.PrintedCompendium.compact;
import static org.assertj.core.api.Assertions.assertThat;

/** Guides that push the layout: very long text, many materials, empty domains, rare and unprintable characters. */
class UnusualGuidesTests {

	static final Domain HOUSEHOLD = CompendiumFixture.SHIPPED.domains().stream()
			.filter(d -> d.id().equals("household-registration")).findFirst().orElseThrow();
	static final Domain EMPTY = new Domain("empty-domain", "测试空领域", List.of());

	@Test
	void aFiveThousandCharacterConditionAndSixtyMaterialsRunOverPagesAndAllOfThemPrint() {
		StringBuilder conditions = new StringBuilder();
		for (int clause = 1; conditions.length() < 5000; clause++) {
			conditions.append(clause).append(". 申请人应当如实提交有关材料和反映真实情况，并对其申请材料实质内容的真实性负责；\n");
		}
		Guide longGuide = CompendiumFixture.withMaterials(
				CompendiumFixture.withConditions(birthRegistration(), conditions.toString()),
				CompendiumFixture.manyMaterials(60));
		CatalogSnapshot snapshot = CompendiumFixture.snapshot(1, List.of(HOUSEHOLD), List.of(longGuide));

		try (PrintedCompendium printed = print(snapshot, CompendiumSelection.whole())) {
			int first = printed.bookmark(HOUSEHOLD.name()).children().get(0).page();
			int last = printed.bookmark("附录　基层政务公开标准目录").page() - 1;
			String text = printed.compactText(first, last);
			String cells = printed.compactCells(first, last);

			assertThat(last - first).isGreaterThanOrEqualTo(3);
			assertThat(text.contains(compact(conditions.toString()))).as("the whole condition, in order").isTrue();
			for (Material material : longGuide.materials()) {
				assertThat(cells.contains(compact(material.name()))).as(material.name()).isTrue();
			}
		}
	}

	@Test
	void aMaterialsRowIsNeverSplitAcrossPages() {
		Guide guide = CompendiumFixture.withMaterials(birthRegistration(), CompendiumFixture.manyMaterials(60));
		CatalogSnapshot snapshot = CompendiumFixture.snapshot(1, List.of(HOUSEHOLD), List.of(guide));

		try (PrintedCompendium printed = print(snapshot, CompendiumSelection.whole())) {
			int first = printed.bookmark(HOUSEHOLD.name()).children().get(0).page();
			for (Material material : guide.materials()) {
				if (material.condition() != null) {
					assertThat(pageWith(printed, first, compact(material.name())))
							.as(material.name()).isEqualTo(pageWith(printed, first, compact(material.condition())));
				}
			}
		}
	}

	@Test
	void anEmptyDomainSaysItHasNoItemsInTheWholeBookAndInABookOfItsOwn() {
		CatalogSnapshot snapshot = CompendiumFixture.snapshot(1, List.of(HOUSEHOLD, EMPTY),
				CompendiumFixture.guides().stream().filter(g -> g.domainId().equals(HOUSEHOLD.id())).toList());

		try (PrintedCompendium whole = print(snapshot, CompendiumSelection.whole());
				PrintedCompendium own = print(snapshot, CompendiumSelection.domain(EMPTY.id()))) {
			Bookmark empty = whole.bookmark(EMPTY.name());
			assertThat(empty.children()).isEmpty();
			assertThat(whole.text(empty.page())).contains("本领域暂无事项。");

			assertThat(own.text(1)).contains("测试空领域", "收录 1 个领域、0 个事项");
			assertThat(own.text(own.bookmark(EMPTY.name()).page())).contains("本领域暂无事项。");
		}
	}

	@Test
	void rareCharactersOfExtensionsAAndBPrintFromTheFallbackFontsAndExtract() {
		Guide rare = CompendiumFixture.variant(birthRegistration(), "000707001999", "刘䶮与𠀋字姓名登记");
		CatalogSnapshot snapshot = CompendiumFixture.snapshot(1, List.of(HOUSEHOLD), List.of(rare));

		Compendium compendium = CompendiumFixture.write(snapshot, CompendiumSelection.whole());
		try (PrintedCompendium printed = new PrintedCompendium(compendium.pdf())) {
			int page = printed.bookmark(HOUSEHOLD.name()).children().get(0).page();

			assertThat(printed.text(page)).contains("刘䶮与𠀋字姓名登记");
			assertThat(compendium.missingCharacters()).isEmpty();
			assertThat(printed.fonts()).anySatisfy(font -> assertThat(font.getName()).contains("HanaMin"))
					.allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
		}
	}

	@Test
	void aCharacterNoFontHasIsPrintedAsAGapMarkAndReportedWithItsGuide() {
		Guide odd = CompendiumFixture.variant(birthRegistration(), "000707001998", "私用\uE000区与未分配\u0378字符");
		CatalogSnapshot snapshot = CompendiumFixture.snapshot(1, List.of(HOUSEHOLD), List.of(odd));

		Compendium compendium = CompendiumFixture.write(snapshot, CompendiumSelection.whole());
		try (PrintedCompendium printed = new PrintedCompendium(compendium.pdf())) {
			assertThat(compendium.missingCharacters()).extracting(Compendium.MissingCharacter::codePoint)
					.containsExactly(0x0378, 0xE000);
			assertThat(compendium.missingCharacters().get(0).places()).contains("目录")
					.anySatisfy(place -> assertThat(place).contains("000707001998"));
			assertThat(compendium.missingCharacters().get(0).toString()).startsWith("U+0378（");
			assertThat(printed.text(printed.bookmark(HOUSEHOLD.name()).children().get(0).page()))
					.contains("私用〓区与未分配〓字符");
		}
	}

	private static PrintedCompendium print(CatalogSnapshot snapshot, CompendiumSelection selection) {
		return new PrintedCompendium(CompendiumFixture.write(snapshot, selection).pdf());
	}

	private static int pageWith(PrintedCompendium printed, int from, String compactText) {
		for (int page = from; page <= printed.pageCount(); page++) {
			if (printed.compactCells(page, page).contains(compactText)) {
				return page;
			}
		}
		throw new AssertionError("no page has " + compactText);
	}
}
