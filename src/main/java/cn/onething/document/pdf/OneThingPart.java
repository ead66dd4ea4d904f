package cn.onething.document.pdf;

import java.util.List;

import cn.onething.bundle.Bundle;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.document.CompendiumContents;
import com.lowagie.text.Paragraph;

/**
 * 一件事一次办: a title page listing the book's one-thing bundles, then each bundle on pages of its own.
 * <p>
 * The part comes before the domains. A citizen with a life event (a birth, a retirement) looks for the one thing
 * rather than for the departments' items, so it is the first thing after the table of contents; its pages point
 * forward to the guides they bundle ("见第 N 页"), as a reader goes from the overview to the details; and a bundle's
 * own book reads the same way as the whole one: the bundle's page first, then the guides of its items.
 */
final class OneThingPart {

	static final String TITLE = "一件事一次办";

	private final Book book;
	private final CatalogSnapshot catalogue;

	OneThingPart(Book book, CatalogSnapshot catalogue) {
		this.book = book;
		this.catalogue = catalogue;
	}

	void write(CompendiumContents contents) {
		if (contents.bundles().isEmpty()) {
			return;
		}
		Typesetter text = book.text();
		text.place(TITLE);
		book.newPage();
		book.add(book.markedHeading(TITLE, Typesetter.Style.TITLE, Bookmarks.ONE_THINGS, null));
		Paragraph about = text.paragraph("“一件事一次办”把群众和企业眼中的一件事所涉及的几个事项合在一起办：填一张表单、交一套材料，"
				+ "在一个窗口受理，各部门按步骤串联或并联办理，统一送达结果。本册收录 " + contents.bundles().size() + " 件：",
				Typesetter.Style.BODY);
		about.setSpacingBefore(12);
		book.add(about);
		IndexTable list = new IndexTable(book, List.of("序号", "一件事", "牵头部门", "事项数", "承诺时限", "页码"),
				7, 38, 27, 10, 12, 6);
		for (Bundle bundle : contents.bundles()) {
			String anchor = Bookmarks.bundle(bundle.id());
			list.row(bundle.name(), catalogue.departmentName(bundle.leadDepartmentId()),
					List.of(bundle.items().size() + " 项", bundle.committedLimit() + " 个工作日"), book.pageOf(anchor), anchor);
		}
		book.add(list.table());
		BundlePage page = new BundlePage(book, catalogue, contents);
		contents.bundles().forEach(page::write);
	}
}
