package cn.onething.document.pdf;

import java.util.List;

import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPTable;

/**
 * A numbered list of things the book prints further on (a domain's items, the one-thing bundles, a bundle's items):
 * name, department, a few facts, and the page each starts on, a link there on screen. The page sits in a column of
 * its own, as in the table of contents, so the pass that does not know it yet breaks no line differently.
 */
final class IndexTable {

	private final Book book;
	private final PdfPTable table;
	private int number = 1;

	/** {@code headers} and {@code relativeWidths} of every column: number, name, department, facts, page. */
	IndexTable(Book book, List<String> headers, float... relativeWidths) {
		this.book = book;
		this.table = Cells.table(relativeWidths);
		table.setHeaderRows(1);
		for (String header : headers) {
			table.addCell(Cells.header(book.text().phrase(header, Typesetter.Style.SMALL_BOLD)));
		}
	}

	/** A row; {@code page} is what the last column says, {@code anchor} where it leads (null for nowhere). */
	IndexTable row(String name, String department, List<String> facts, String page, String anchor) {
		Typesetter text = book.text();
		table.addCell(Cells.centered(text.phrase(String.valueOf(number++), Typesetter.Style.SMALL)));
		table.addCell(Cells.cell(text.phrase(name, Typesetter.Style.SMALL)));
		table.addCell(Cells.cell(text.phrase(department, Typesetter.Style.SMALL)));
		for (String fact : facts) {
			table.addCell(Cells.centered(text.phrase(fact, Typesetter.Style.SMALL)));
		}
		Phrase pageText = text.phrase(page, Typesetter.Style.SMALL);
		table.addCell(Cells.centered(anchor == null ? pageText : Book.linkTo(pageText, anchor)));
		return this;
	}

	PdfPTable table() {
		return table;
	}
}
