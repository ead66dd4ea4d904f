package cn.onething.document.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.onething.document.Compendium.MissingCharacter;
import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.draw.DottedLineSeparator;

/**
 * Sets text in the {@link FontChain} for one document: every character takes the first font that has it, and a
 * character no font has is printed as 〓 (the typesetter's mark for a missing sort) and reported with the place it
 * occurs, never dropped. One per rendering pass; not thread-safe.
 */
final class Typesetter {

	/** The sizes of the book, in points; bold is OpenPDF's stroked bold, as the fonts have a regular face only. */
	enum Style {
		COVER_TITLE(32, false), COVER(14, false), TITLE(18, true), HEADING(13, true), BODY(10.5f, false),
		BODY_BOLD(10.5f, true), SMALL(9, false), SMALL_BOLD(9, true);

		final float size;
		final boolean bold;

		Style(float size, boolean bold) {
			this.size = size;
			this.bold = bold;
		}

		/** Chinese text reads best with a generous line distance. */
		float leading() {
			return size * 1.55f;
		}
	}

	static final String MISSING_MARK = "〓";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final FontChain fonts;
	private final Map<Style, Font[]> fontsByStyle = new EnumMap<>(Style.class);
	private final Map<Integer, Set<String>> missing = new TreeMap<>();
	private String place = "";

	Typesetter(FontChain fonts) {
		this.fonts = fonts;
	}

	/** Names the part of the book that the following text belongs to, for the report of missing characters. */
	void place(String place) {
		this.place = place;
	}

	Phrase phrase(String text, Style style) {
		Phrase phrase = new Phrase(style.leading());
		// Paragraph spacing and line ends are set in the phrase's own font: left unset, that is a non-embedded Helvetica.
		phrase.setFont(font(style, 0));
		StringBuilder run = new StringBuilder();
		int runFont = 0;
		for (int i = 0; i < text.length(); ) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint == '\r') {
				continue;
			}
			if (codePoint == '\n' || codePoint == '\t') {
				run.append(codePoint == '\n' ? '\n' : ' ');
				continue;
			}
			int font = fonts.fontFor(codePoint);
			if (font == FontChain.NONE) {
				missing.computeIfAbsent(codePoint, c -> new LinkedHashSet<>()).add(place);
			}
			int chosen = font == FontChain.NONE ? 0 : font;
			if (chosen != runFont && !run.isEmpty()) {
				phrase.add(chunk(run, style, runFont));
				run.setLength(0);
			}
			runFont = chosen;
			if (font == FontChain.NONE) {
				run.append(MISSING_MARK);
			}
			else {
				run.appendCodePoint(codePoint);
			}
		}
		if (!run.isEmpty()) {
			phrase.add(chunk(run, style, runFont));
		}
		return phrase;
	}

	Paragraph paragraph(String text, Style style) {
		Paragraph paragraph = new Paragraph(phrase(text, style));
		paragraph.setLeading(style.leading());
		return paragraph;
	}

	/** Dots from the end of a title to the page number, in an embedded font like everything else. */
	Chunk dottedLeader(Style style) {
		Chunk leader = new Chunk(new DottedLineSeparator());
		leader.setFont(font(style, 0));
		return leader;
	}

	static String date(LocalDate date) {
		return DATE.format(date);
	}

	/** Whether an optional guide field has anything to print. */
	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	List<MissingCharacter> missing() {
		List<MissingCharacter> report = new ArrayList<>();
		missing.forEach((codePoint, places) -> report.add(new MissingCharacter(codePoint, List.copyOf(places))));
		return report;
	}

	private Chunk chunk(CharSequence run, Style style, int font) {
		Chunk chunk = new Chunk(run.toString(), font(style, font));
		chunk.setSplitCharacter(LineBreaks.CHINESE);
		return chunk;
	}

	private Font font(Style style, int index) {
		Font[] byIndex = fontsByStyle.computeIfAbsent(style, s -> new Font[fonts.size()]);
		if (byIndex[index] == null) {
			byIndex[index] = new Font(fonts.font(index), style.size, style.bold ? Font.BOLD : Font.NORMAL);
		}
		return byIndex[index];
	}
}
