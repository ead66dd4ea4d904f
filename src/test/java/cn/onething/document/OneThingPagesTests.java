package cn.onething.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.BundleSnapshot;
import cn.onething.bundle.MaterialRef;
import cn.onething.bundle.MergedMaterial;
import cn.onething.bundle.Step;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import cn.onething.document.PrintedCompendium.Bookmark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static cn.onething.document.PrintedCompendium.compact;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-thing pages (一件事一次办) of the whole shipped book and of a bundle's own book, read back: each bundle's
 * items with the page their guides start on, the materials handed in once, and the approval stages in order.
 */
class OneThingPagesTests {

	static final String PART = "一件事一次办";
	static final Pattern SEE_PAGE = Pattern.compile("见第(\\d+)页");

	static CatalogSnapshot catalogue;
	static BundleSnapshot bundles;
	static PrintedCompendium whole;
	static PrintedCompendium newbornBook;

	@BeforeAll
	static void printTheWholeBookAndTheNewbornBundlesBook() {
		catalogue = CompendiumFixture.shipped();
		bundles = CompendiumFixture.shippedBundles(catalogue);
		whole = new PrintedCompendium(CompendiumFixture.shippedBook().pdf());
		newbornBook = new PrintedCompendium(
				CompendiumFixture.write(catalogue, bundles, CompendiumSelection.bundle("newborn")).pdf());
	}

	@AfterAll
	static void close() {
		whole.close();
		newbornBook.close();
	}

	@Test
	void theOneThingPartFollowsTheContentsAndComesBeforeTheFirstDomain() {
		List<String> topLevel = whole.bookmarks().stream().map(Bookmark::title).toList();

		assertThat(topLevel.subList(0, 4)).containsExactly("使用说明", "目录", PART, catalogue.domains().get(0).name());
	}

	@Test
	void everyBundleIsOnThePageItsContentsLineItsBookmarkAndItsFooterName() {
		Bookmark part = whole.bookmark(PART);
		Map<String, Integer> contents = whole.contents(whole.bookmark("目录").page(), part.page() - 1);

		assertThat(contents).containsEntry(PART, part.page());
		assertThat(part.children()).extracting(Bookmark::title)
				.containsExactlyElementsOf(bundles.bundles().stream().map(Bundle::name).toList());
		for (Bookmark bundle : part.children()) {
			assertThat(contents).as(bundle.title()).containsEntry(bundle.title(), bundle.page());
			assertThat(compact(whole.text(bundle.page()))).as(bundle.title()).startsWith(compact(bundle.title()));
			assertThat(whole.footer(bundle.page())).as(bundle.title())
					.hasValueSatisfying(footer -> assertThat(footer[0]).isEqualTo(bundle.page()));
		}
	}

	@Test
	void everyItemOfEveryBundleSaysThePageOnWhichItsGuideStarts() {
		for (Bundle bundle : bundles.bundles()) {
			assertThat(pagesNamedByItems(whole, bundle)).as(bundle.name()).isEqualTo(guidePages(whole, bundle));
		}
	}

	@Test
	void theBundlePageListsExactlyItsItemsWithTheirDepartments() {
		Bundle newborn = bundles.bundle("newborn").orElseThrow();
		String cells = bundleCells(whole, newborn);

		assertThat(compact(bundleText(whole, newborn))).contains("二、包括的事项（共5项）");
		List<String> rows = new ArrayList<>();
		Matcher row = Pattern.compile("(\\d+)([^\\d]+?)\\d+个工作日见第\\d+页").matcher(cells);
		while (row.find()) {
			rows.add(row.group(1) + " " + row.group(2));
		}
		assertThat(rows).containsExactlyElementsOf(newborn.items().stream()
				.map(item -> (newborn.items().indexOf(item) + 1) + " " + compact(item.name() + department(item)))
				.toList());
	}

	@Test
	void everyMaterialIsAskedOnceWithTheItemsThatNeedIt() {
		Bundle newborn = bundles.bundle("newborn").orElseThrow();
		String cells = bundleCells(newbornBook, newborn);

		for (int n = 1; n <= newborn.materials().size(); n++) {
			MergedMaterial material = newborn.materials().get(n - 1);
			String row = n + compact(material.name());
			assertThat(cells.indexOf(row)).as(row).isNotNegative().isEqualTo(cells.lastIndexOf(row));
			assertThat(cells.substring(cells.indexOf(row))).as(row).contains(compact(itemNames(newborn, material)));
		}
		assertThat(cells).as("one row more than the merged list").doesNotContain((newborn.materials().size() + 1)
				+ compact(newborn.materials().get(0).name()));
		// the items' own names for the documents merged under one name (监护人居民身份证 → 父母双方的居民身份证) are gone
		for (String ownName : namesMergedAway(newborn)) {
			assertThat(cells).as(ownName).doesNotContain(compact(ownName));
		}
	}

	@Test
	void theDocumentsTheBundleProducesAreSaidToBeSharedNotAsked() {
		Bundle newborn = bundles.bundle("newborn").orElseThrow();
		String text = compact(bundleText(whole, newborn));

		String materials = text.substring(text.indexOf("三、一套材料"), text.indexOf("四、办理步骤"));
		assertThat(materials).contains(compact("出生医学证明：由本件事自动共享，无需提交（签发出生医学证明通过后产生）。"),
				compact("新生儿的居民户口簿：由本件事自动共享，无需提交（出生登记（落户）通过后产生）。"));
	}

	@Test
	void theStagesFollowThePlanInOrderSayingWhichRunInParallel() {
		for (Bundle bundle : bundles.bundles()) {
			String text = compact(bundleText(whole, bundle));
			int from = text.indexOf("四、办理步骤");
			List<List<Step>> layers = bundle.plan().layers();
			for (int stage = 1; stage <= layers.size(); stage++) {
				List<Step> steps = layers.get(stage - 1);
				String label = "第" + stage + "阶段（" + (steps.size() > 1 ? "并联办理" : "串联办理") + "）";
				int at = text.indexOf(label, from);
				assertThat(at).as("%s: %s after the stages before it", bundle.name(), label).isGreaterThan(from);
				for (Step step : steps) {
					String line = "·" + compact(step.name() + "（" + name(step.departmentId()) + "）");
					assertThat(text.indexOf(line, at)).as("%s: %s in %s", bundle.name(), step.name(), label)
							.isGreaterThan(at).isLessThan(stage < layers.size() ? text.indexOf("第" + (stage + 1) + "阶段", at)
									: text.length());
				}
				from = at;
			}
			assertThat(text.substring(from)).as(bundle.name())
					.contains("全程承诺办结时限：" + bundle.committedLimit() + "个工作日");
		}
	}

	@Test
	void aBundlesBookHoldsItsOneThingPageAndThenExactlyTheGuidesOfItsItems() {
		Bundle newborn = bundles.bundle("newborn").orElseThrow();
		List<Bookmark> topLevel = newbornBook.bookmarks();

		assertThat(newbornBook.bookmark(PART).children()).extracting(Bookmark::title).containsExactly(newborn.name());
		assertThat(topLevel.stream().map(Bookmark::title).toList().indexOf(PART)).isEqualTo(2);
		assertThat(topLevel.stream().flatMap(b -> b.children().stream()).map(Bookmark::title)
				.filter(title -> !title.equals(newborn.name())).toList())
				.containsExactlyInAnyOrderElementsOf(newborn.items().stream().map(BundleItem::name).toList());
		assertThat(pagesNamedByItems(newbornBook, newborn)).isEqualTo(guidePages(newbornBook, newborn));
		assertThat(newbornBook.text(1)).contains("新生儿出生一件事", "收录 3 个领域、5 个事项和 1 件一件事");
	}

	@Test
	void anItemWhoseGuideIsNotInTheBookSaysSoInsteadOfAPage() {
		Guide withdrawn = CompendiumFixture.birthRegistration();
		CatalogSnapshot without = CompendiumFixture.snapshot(13, catalogue.domains(), catalogue.guides().stream()
				.filter(guide -> !guide.code().equals(withdrawn.code())).toList());
		Bundle newborn = bundles.bundle("newborn").orElseThrow();

		try (PrintedCompendium printed = new PrintedCompendium(
				CompendiumFixture.write(without, bundles, CompendiumSelection.bundle("newborn")).pdf())) {
			String cells = bundleCells(printed, newborn);

			assertThat(cells).contains(compact(withdrawn.name()) + "扶绥县公安局本册未收录");
			assertThat(count(SEE_PAGE.matcher(cells))).isEqualTo(newborn.items().size() - 1);
		}
	}

	/** Item name → the page its row names, read from the bundle's items table. */
	private static Map<String, Integer> pagesNamedByItems(PrintedCompendium printed, Bundle bundle) {
		String cells = bundleCells(printed, bundle);
		assertThat(count(SEE_PAGE.matcher(cells))).as("one page reference per item of %s", bundle.name())
				.isEqualTo(bundle.items().size());
		return bundle.items().stream().collect(Collectors.toMap(BundleItem::name, item -> {
			Matcher row = Pattern.compile(Pattern.quote(compact(item.name() + department(item))) + "\\d+个工作日见第(\\d+)页")
					.matcher(cells);
			assertThat(row.find()).as("row of %s in %s", item.name(), bundle.name()).isTrue();
			return Integer.parseInt(row.group(1));
		}));
	}

	/** Item name → the page on which the book prints its guide, from the guide's bookmark under its domain. */
	private static Map<String, Integer> guidePages(PrintedCompendium printed, Bundle bundle) {
		return bundle.items().stream().collect(Collectors.toMap(BundleItem::name, item -> {
			Guide guide = catalogue.guide(item.code()).orElseThrow();
			Bookmark domain = printed.bookmark(catalogue.domain(guide.domainId()).orElseThrow().name());
			return domain.children().stream().filter(b -> b.title().equals(guide.name())).findFirst().orElseThrow().page();
		}));
	}

	private static String bundleCells(PrintedCompendium printed, Bundle bundle) {
		int[] pages = pagesOf(printed, bundle);
		return printed.compactCells(pages[0], pages[1]);
	}

	private static String bundleText(PrintedCompendium printed, Bundle bundle) {
		int[] pages = pagesOf(printed, bundle);
		return printed.compactText(pages[0], pages[1]);
	}

	/** The first and last page of the bundle: up to the next bundle, or to the first domain after the part. */
	private static int[] pagesOf(PrintedCompendium printed, Bundle bundle) {
		List<Bookmark> topLevel = printed.bookmarks();
		Bookmark part = printed.bookmark(PART);
		List<Bookmark> bundlePages = part.children();
		int index = bundlePages.stream().map(Bookmark::title).toList().indexOf(bundle.name());
		assertThat(index).as("bookmark of %s", bundle.name()).isNotNegative();
		int next = index + 1 < bundlePages.size() ? bundlePages.get(index + 1).page()
				: topLevel.get(topLevel.indexOf(part) + 1).page();
		return new int[] { bundlePages.get(index).page(), next - 1 };
	}

	private static String itemNames(Bundle bundle, MergedMaterial material) {
		return material.items().stream().map(MaterialRef::itemCode).distinct()
				.map(code -> bundle.item(code).orElseThrow().name()).collect(Collectors.joining("、"));
	}

	/** The names the items' guides give the documents the bundle merged under another name. */
	private static List<String> namesMergedAway(Bundle bundle) {
		List<String> merged = bundle.materials().stream().map(MergedMaterial::name).toList();
		return bundle.materials().stream().filter(material -> material.items().size() > 1)
				.flatMap(material -> material.items().stream())
				.map(ref -> catalogue.guide(ref.itemCode()).orElseThrow().materials().stream()
						.filter(m -> m.id().equals(ref.materialId())).findFirst().orElseThrow())
				.map(Material::name)
				.filter(own -> merged.stream().noneMatch(name -> name.contains(own)))
				.distinct().toList();
	}

	private static String department(BundleItem item) {
		return name(item.departmentId());
	}

	private static String name(String departmentId) {
		return catalogue.departments().stream().filter(d -> d.id().equals(departmentId)).findFirst().orElseThrow().name();
	}

	private static int count(Matcher matcher) {
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}
}
