package cn.onething.document;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.BundleSnapshot;
import cn.onething.bundle.bundlefiles.BundleFolder;
import cn.onething.bundle.bundlefiles.BundleFolderReader;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import cn.onething.document.pdf.CompendiumWriter;
import cn.onething.document.pdf.FontChain;

/**
 * Catalogue and bundle snapshots for compendium tests, read from the real guides/ folder (no database), and guides
 * changed the way an editor or a difficult name might change them.
 */
public final class CompendiumFixture {

	public static final LocalDate COMPILED_ON = LocalDate.of(2025, 3, 5);
	public static final CatalogProperties LINKS = new CatalogProperties(Path.of("guides"), false, null,
			"https://zwfw.example.cn", false);
	public static final GuideFolder SHIPPED = GuideFolderReader.read(Path.of("guides"));

	private static Compendium shippedBook;

	private CompendiumFixture() {
	}

	public static CatalogSnapshot shipped() {
		return snapshot(12, SHIPPED.domains(), guides());
	}

	public static List<Guide> guides() {
		return SHIPPED.guides().stream().map(GuideFolder.SourcedGuide::guide).toList();
	}

	public static CatalogSnapshot snapshot(long importId, List<Domain> domains, List<Guide> guides) {
		return new CatalogSnapshot(importId, Instant.parse("2025-03-01T02:00:00Z"), SHIPPED.hall(), domains,
				SHIPPED.departments(), guides, Map.of());
	}

	/** The shipped bundles, checked against {@code catalogue}, as import 3. */
	public static BundleSnapshot shippedBundles(CatalogSnapshot catalogue) {
		BundleFolder folder = BundleFolderReader.read(Path.of("guides"), catalogue);
		if (!folder.isValid()) {
			throw new IllegalStateException("the shipped bundles have problems: " + folder.problems());
		}
		return new BundleSnapshot(3, folder.bundles().stream().map(BundleFolder.SourcedBundle::bundle).toList());
	}

	/** The whole book of the shipped catalogue and bundles, printed once for every test class that reads it. */
	public static synchronized Compendium shippedBook() {
		if (shippedBook == null) {
			CatalogSnapshot catalogue = shipped();
			shippedBook = write(catalogue, shippedBundles(catalogue), CompendiumSelection.whole());
		}
		return shippedBook;
	}

	/** A book of guides only: the catalogues of these tests are made up, and no bundle names their items. */
	public static Compendium write(CatalogSnapshot snapshot, CompendiumSelection selection) {
		return write(snapshot, BundleSnapshot.empty(), selection);
	}

	public static Compendium write(CatalogSnapshot snapshot, BundleSnapshot bundles, CompendiumSelection selection) {
		return new CompendiumWriter(FontChain.shipped(), LINKS).write(snapshot, bundles, selection, COMPILED_ON);
	}

	public static Guide birthRegistration() {
		return guides().stream().filter(g -> g.code().equals("000707001000")).findFirst().orElseThrow();
	}

	/** The same guide under another code and name, as a new item copied from it. */
	public static Guide variant(Guide guide, String code, String name) {
		return rebuilt(guide, code, name, guide.conditions(), guide.materials());
	}

	public static Guide withConditions(Guide guide, String conditions) {
		return rebuilt(guide, guide.code(), guide.name(), conditions, guide.materials());
	}

	public static Guide withMaterials(Guide guide, List<Material> materials) {
		return rebuilt(guide, guide.code(), guide.name(), guide.conditions(), materials);
	}

	private static Guide rebuilt(Guide guide, String code, String name, String conditions, List<Material> materials) {
		return new Guide(code, name, guide.aliases(), guide.type(), guide.domainId(), guide.department(),
				guide.serviceObjects(), guide.useLevel(), guide.legalBasis(), conditions, materials, guide.process(),
				guide.timeLimit(), guide.specialProcedures(), guide.visits(), guide.visitsNote(), guide.fees(),
				guide.windows(), guide.contact(), guide.complaint(), guide.faq(), guide.onlineUrl(),
				guide.effectiveDate(), guide.disclosure());
	}

	/** {@code count} materials named 第n份证明材料, each with a note long enough to make its row several lines high. */
	public static List<Material> manyMaterials(int count) {
		List<Material> materials = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			materials.add(new Material("material-" + n, "第" + n + "份证明材料", 1, n % 3, "纸质", n % 2 == 0,
					n % 2 == 0 ? null : "申请人属于第" + n + "种情形的提交", "申请人自备", null, null,
					"材料须加盖公章，复印件注明“与原件一致”。".repeat(1 + n % 4)));
		}
		return materials;
	}
}
