package cn.onething.document.pdf;

import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfWriter;

/**
 * One rendering pass of a compendium: the OpenPDF document and writer, the typesetter, the bookmarks it records and
 * the pages the previous pass found for each heading (empty on the first pass), which the table of contents prints.
 */
final class Book {

	/** A heading needs room for itself and two lines of what follows, or it moves to the next page. */
	private static final float HEADING_ROOM = 60;

	private final Document document;
	private final PdfWriter writer;
	private final Typesetter text;
	private final Bookmarks bookmarks;
	private final Map<String, Integer> knownPages;

	Book(Document document, PdfWriter writer, Typesetter text, Bookmarks bookmarks, Map<String, Integer> knownPages) {
		this.document = document;
		this.writer = writer;
		this.text = text;
		this.bookmarks = bookmarks;
		this.knownPages = knownPages;
	}

	Typesetter text() {
		return text;
	}

	PdfWriter writer() {
		return writer;
	}

	Document document() {
		return document;
	}

	void add(Element element) {
		document.add(element);
	}

	void newPage() {
		document.newPage();
	}

	/** A heading that carries a bookmark, a table-of-contents line and a link target. */
	Paragraph markedHeading(String title, Typesetter.Style style, String anchor, String parentAnchor) {
		Paragraph heading = new Paragraph(bookmarks.mark(text.phrase(title, style), anchor, title, parentAnchor));
		heading.setLeading(style.leading());
		return heading;
	}

	/** The page number of a heading for the table of contents, blank until the previous pass has found it. */
	String pageOf(String anchor) {
		Integer page = knownPages.get(anchor);
		return page == null ? "" : page.toString();
	}

	/** "见第 N 页" for a reference to a heading, blank until the previous pass has found its page. */
	String seePage(String anchor) {
		Integer page = knownPages.get(anchor);
		return page == null ? "" : "见第 " + page + " 页";
	}

	/** Makes the phrase a link to the heading, for readers of the PDF on a screen. */
	static Phrase linkTo(Phrase phrase, String anchor) {
		for (Element chunk : phrase.getChunks()) {
			((Chunk) chunk).setLocalGoto(anchor);
		}
		return phrase;
	}

	/** A numbered heading within a section (一、基本信息), kept together with what follows it. */
	void heading(String title) {
		keepSpace(HEADING_ROOM);
		Paragraph heading = text.paragraph(title, Typesetter.Style.HEADING);
		heading.setSpacingBefore(10);
		heading.setSpacingAfter(2);
		add(heading);
	}

	void body(String content) {
		add(bodyParagraph(content));
	}

	/** A paragraph of body text, for parts in different styles. */
	Paragraph bodyParagraph(String content) {
		Paragraph paragraph = text.paragraph(content, Typesetter.Style.BODY);
		paragraph.setSpacingBefore(3);
		return paragraph;
	}

	/** Starts the next block on a new page when less than {@code height} points are left, so no heading is orphaned. */
	void keepSpace(float height) {
		if (writer.getVerticalPosition(true) - document.bottom() < height) {
			document.newPage();
		}
	}
}
