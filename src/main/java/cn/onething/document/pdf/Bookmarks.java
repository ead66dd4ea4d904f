package cn.onething.document.pdf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Headings that get a bookmark (PDF outline entry) and a table-of-contents line. The page of a heading is recorded
 * when OpenPDF actually prints it (a generic tag on its first chunk), so the table of contents, the bookmark and
 * the page footer cannot disagree even when a heading is pushed to the next page.
 */
final class Bookmarks extends PdfPageEventHelper {

	static final String HOW_TO_USE = "how-to-use";
	static final String CONTENTS = "contents";
	static final String APPENDIX = "appendix";
	static final String ONE_THINGS = "one-things";

	/** Space above the heading to keep in view when a reader follows the bookmark. */
	private static final float VIEW_MARGIN = 12;

	private record Mark(String title, String parent) {
	}

	private final Map<String, Mark> marks = new HashMap<>();
	private final Map<String, PdfOutline> outlines = new HashMap<>();
	private final Map<String, Integer> pages = new LinkedHashMap<>();

	static String domain(String id) {
		return "domain:" + id;
	}

	static String guide(String code) {
		return "guide:" + code;
	}

	static String bundle(String id) {
		return "bundle:" + id;
	}

	/**
	 * Marks a heading as the target of the anchor; {@code parent} is the anchor of the enclosing bookmark (a guide's
	 * domain, a bundle's 一件事一次办), null for a top-level one.
	 */
	Phrase mark(Phrase heading, String anchor, String title, String parent) {
		if (heading.getChunks().isEmpty()) {
			throw new IllegalArgumentException("an empty heading cannot carry the bookmark " + anchor);
		}
		marks.put(anchor, new Mark(title, parent));
		Chunk first = (Chunk) heading.getChunks().get(0);
		first.setGenericTag(anchor);
		first.setLocalDestination(anchor);
		return heading;
	}

	/** The page each printed heading landed on, by anchor, in the order they were printed. */
	Map<String, Integer> pages() {
		return pages;
	}

	@Override
	public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String anchor) {
		if (pages.putIfAbsent(anchor, writer.getPageNumber()) != null) {
			return; // the rest of a heading that wrapped onto a second line
		}
		Mark mark = marks.get(anchor);
		PdfOutline parent = mark.parent() == null ? writer.getRootOutline() : outlines.get(mark.parent());
		PdfDestination destination = new PdfDestination(PdfDestination.FITH, rect.getTop() + VIEW_MARGIN);
		outlines.put(anchor, new PdfOutline(parent, destination, mark.title(), mark.parent() != null));
	}
}
