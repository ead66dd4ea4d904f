package cn.onething.document.pdf;

import cn.onething.bundle.Bundle;
import cn.onething.catalog.model.Guide;
import cn.onething.document.CompendiumContents;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * 目录: every one-thing bundle, domain and guide with its page. The page numbers sit in a column of their own, so the
 * first pass (which does not know them yet) lays the pages out exactly as the second one does.
 */
final class TableOfContents {

	private static final float NESTED_INDENT = 2 * Typesetter.Style.BODY.size;

	private final Book book;

	TableOfContents(Book book) {
		this.book = book;
	}

	void write(CompendiumContents contents) {
		book.text().place("目录");
		book.newPage();
		book.add(book.markedHeading("目录", Typesetter.Style.TITLE, Bookmarks.CONTENTS, null));
		PdfPTable table = new PdfPTable(new float[] { 90, 10 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(8);
		line(table, "使用说明", Bookmarks.HOW_TO_USE, Typesetter.Style.BODY_BOLD, 0);
		if (!contents.bundles().isEmpty()) {
			line(table, OneThingPart.TITLE, Bookmarks.ONE_THINGS, Typesetter.Style.BODY_BOLD, 0);
			for (Bundle bundle : contents.bundles()) {
				line(table, bundle.name(), Bookmarks.bundle(bundle.id()), Typesetter.Style.BODY, NESTED_INDENT);
			}
		}
		for (CompendiumContents.Part part : contents.parts()) {
			line(table, part.domain().name(), Bookmarks.domain(part.domain().id()), Typesetter.Style.BODY_BOLD, 0);
			for (Guide guide : part.guides()) {
				line(table, guide.name(), Bookmarks.guide(guide.code()), Typesetter.Style.BODY, NESTED_INDENT);
			}
		}
		line(table, DisclosureAppendix.TITLE, Bookmarks.APPENDIX, Typesetter.Style.BODY_BOLD, 0);
		book.add(table);
	}

	private void line(PdfPTable table, String title, String anchor, Typesetter.Style style, float indent) {
		Phrase name = Book.linkTo(book.text().phrase(title, style), anchor);
		name.add(book.text().dottedLeader(style));
		PdfPCell nameCell = Cells.blank(name);
		nameCell.setPaddingLeft(indent);
		table.addCell(nameCell);
		PdfPCell pageCell = Cells.blank(book.text().phrase(book.pageOf(anchor), style));
		pageCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		pageCell.setVerticalAlignment(Element.ALIGN_BOTTOM);
		table.addCell(pageCell);
	}
}
