package cn.onething.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** A compendium read back with PDFBox, the way a reader or a search engine sees it. */
final class PrintedCompendium implements AutoCloseable {

	static final Pattern FOOTER = Pattern.compile("第\\s*(\\d+)\\s*页\\s*共\\s*(\\d+)\\s*页");
	private static final Pattern CONTENTS_LINE = Pattern.compile("^(.+?)\\s*(\\d+)\\s*$");

	/** A bookmark and the page (from 1) it opens. */
	record Bookmark(String title, int page, List<Bookmark> children) {
	}

	private final PDDocument document;
	private final List<String> readingOrder;
	private final List<String> contentOrder;

	PrintedCompendium(byte[] pdf) {
		try {
			document = Loader.loadPDF(pdf);
			readingOrder = pageTexts(true);
			contentOrder = pageTexts(false);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * OpenPDF writes a page's running text before its tables, so text in reading order (top to bottom, as a reader
	 * copies it) keeps paragraphs whole across pages, and text in content order keeps each table cell whole.
	 */
	private List<String> pageTexts(boolean readingOrder) throws IOException {
		List<String> texts = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setSortByPosition(readingOrder);
		for (int page = 1; page <= document.getNumberOfPages(); page++) {
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			texts.add(stripper.getText(document));
		}
		return texts;
	}

	int pageCount() {
		return document.getNumberOfPages();
	}

	/** The text of a page (from 1) in reading order. */
	String text(int page) {
		return readingOrder.get(page - 1);
	}

	/** The running text of pages {@code from} to {@code to} in reading order, without footers and white space. */
	String compactText(int from, int to) {
		return compact(from, to, readingOrder);
	}

	/** The text of pages {@code from} to {@code to} with every table cell whole, without footers and white space. */
	String compactCells(int from, int to) {
		return compact(from, to, contentOrder);
	}

	private static String compact(int from, int to, List<String> pages) {
		StringBuilder text = new StringBuilder();
		for (int page = from; page <= to; page++) {
			text.append(FOOTER.matcher(pages.get(page - 1)).replaceAll(""));
		}
		return compact(text.toString());
	}

	static String compact(String text) {
		return text.replaceAll("\\s+", "");
	}

	/** The page number and the total of the page's footer, if it has one. */
	Optional<int[]> footer(int page) {
		Matcher matcher = FOOTER.matcher(text(page));
		return matcher.find() ? Optional.of(new int[] { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)) })
				: Optional.empty();
	}

	List<Bookmark> bookmarks() {
		return children(document.getDocumentCatalog().getDocumentOutline());
	}

	Bookmark bookmark(String title) {
		return bookmarks().stream().filter(b -> b.title().equals(title)).findFirst()
				.orElseThrow(() -> new AssertionError("no top-level bookmark " + title));
	}

	/** The table of contents as printed: each line's title and page, from the pages between two bookmarks. */
	Map<String, Integer> contents(int firstPage, int lastPage) {
		Map<String, Integer> lines = new LinkedHashMap<>();
		for (int page = firstPage; page <= lastPage; page++) {
			FOOTER.matcher(text(page)).replaceAll("").lines().map(CONTENTS_LINE::matcher).filter(Matcher::matches)
					.forEach(m -> lines.put(m.group(1).strip(), Integer.parseInt(m.group(2))));
		}
		return lines;
	}

	/** Every font used on any page, including inside form XObjects (the footer's total, QR codes). */
	List<PDFont> fonts() {
		List<PDFont> fonts = new ArrayList<>();
		document.getPages().forEach(page -> collectFonts(page.getResources(), fonts, 0));
		return fonts;
	}

	/** The content of the QR code on a page, read from a 200 dpi rendering as a phone camera would. */
	Optional<String> qrCode(int page) {
		try {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 200);
			BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
			return Optional.of(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText());
		}
		catch (NotFoundException | ChecksumException | FormatException e) {
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			document.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<Bookmark> children(PDOutlineNode node) {
		List<Bookmark> bookmarks = new ArrayList<>();
		if (node == null) {
			return bookmarks;
		}
		try {
			for (PDOutlineItem item : node.children()) {
				int page = document.getPages().indexOf(item.findDestinationPage(document)) + 1;
				bookmarks.add(new Bookmark(item.getTitle(), page, children(item)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bookmarks;
	}

	private static void collectFonts(PDResources resources, List<PDFont> fonts, int depth) {
		if (resources == null || depth > 3) {
			return;
		}
		try {
			for (COSName name : resources.getFontNames()) {
				PDFont font = resources.getFont(name);
				if (fonts.stream().noneMatch(f -> f.getCOSObject() == font.getCOSObject())) {
					fonts.add(font);
				}
			}
			for (COSName name : resources.getXObjectNames()) {
				PDXObject xObject = resources.getXObject(name);
				if (xObject instanceof PDFormXObject form) {
					collectFonts(form.getResources(), fonts, depth + 1);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
