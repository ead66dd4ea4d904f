package cn.onething.document.pdf;

import java.awt.Color;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** Tables in the book's one style: thin black rules and light grey headers, legible on a black-and-white print. */
final class Cells {

	private static final Color HEADER_GREY = new Color(225, 225, 225);
	private static final float PADDING = 4;

	private Cells() {
	}

	/**
	 * A full-width table. OpenPDF's defaults are kept on purpose: a row that does not fit on the rest of a page moves
	 * whole to the next one (split late), and only a row taller than a whole page is split (split rows), so a
	 * thousand-character note is never lost.
	 */
	static PdfPTable table(float... relativeWidths) {
		PdfPTable table = new PdfPTable(relativeWidths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(6);
		return table;
	}

	static PdfPCell cell(Phrase content) {
		PdfPCell cell = new PdfPCell(content);
		cell.setPadding(PADDING);
		cell.setBorderWidth(0.5f);
		cell.setUseAscender(true);
		cell.setLeading(0, 1.35f); // a cell ignores its phrase's leading; Chinese needs more than OpenPDF's 1.0
		return cell;
	}

	static PdfPCell centered(Phrase content) {
		PdfPCell cell = cell(content);
		cell.setHorizontalAlignment(Element.ALIGN_CENTER);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		return cell;
	}

	static PdfPCell header(Phrase content) {
		PdfPCell cell = centered(content);
		cell.setBackgroundColor(HEADER_GREY);
		return cell;
	}

	/** A cell without rules, for layout only. */
	static PdfPCell blank(Phrase content) {
		PdfPCell cell = cell(content);
		cell.setBorder(Rectangle.NO_BORDER);
		return cell;
	}
}
