package cn.onething.document.pdf;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.BundleSnapshot;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.document.Compendium;
import cn.onething.document.CompendiumContents;
import cn.onething.document.CompendiumSelection;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Writes the Service Guide Compendium (《办事指南一本通》): cover, how-to-use page, table of contents, the one-thing
 * bundles (一件事一次办), one section per domain with each guide on pages of its own, and the disclosure catalogue as
 * an appendix. Blocking and CPU-bound:
 * callers run it off the request threads.
 * <p>
 * The table of contents and the one-thing pages sit before the guides but need their pages, so the book is laid out
 * twice: the first pass learns the page of every heading (and is thrown away), the second prints those pages. The
 * page numbers sit in a column of their own, so knowing them changes no line break; should a layout ever differ, a
 * further pass runs.
 */
public final class CompendiumWriter {

	private static final int MAX_PASSES = 4;
	private static final float MARGIN = 56;
	/** Room below the text for the page footer. */
	private static final float BOTTOM_MARGIN = 64;

	private final FontChain fonts;
	private final CatalogProperties links;

	public CompendiumWriter(FontChain fonts, CatalogProperties links) {
		this.fonts = fonts;
		this.links = links;
	}

	public Compendium write(CatalogSnapshot snapshot, BundleSnapshot bundles, CompendiumSelection selection,
			LocalDate compiledOn) {
		CompendiumContents contents = selection.contents(snapshot, bundles)
				.orElseThrow(() -> new IllegalArgumentException("the catalogue and bundles have no " + selection));
		String title = title(snapshot, contents);
		Edition edition = new Edition(snapshot, bundles.importId(), contents, title, compiledOn);
		// The first pass only measures: nothing it writes is kept.
		Map<String, Integer> knownPages = render(edition, Map.of(), OutputStream.nullOutputStream()).pages();
		for (int pass = 2; pass <= MAX_PASSES; pass++) {
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			Pass result = render(edition, knownPages, pdf);
			if (result.pages().equals(knownPages)) {
				return new Compendium(pdf.toByteArray(), result.pageCount(), title, snapshot.importId(),
						bundles.importId(), selection, result.missing());
			}
			knownPages = result.pages();
		}
		throw new IllegalStateException("the table of contents of " + title + " did not settle in " + MAX_PASSES + " passes");
	}

	private record Pass(Map<String, Integer> pages, int pageCount, List<Compendium.MissingCharacter> missing) {
	}

	/** What every pass prints the same. */
	record Edition(CatalogSnapshot snapshot, long bundlesVersion, CompendiumContents contents, String title,
			LocalDate compiledOn) {
	}

	private Pass render(Edition edition, Map<String, Integer> knownPages, OutputStream out) {
		CatalogSnapshot snapshot = edition.snapshot();
		CompendiumContents contents = edition.contents();
		String title = edition.title();
		Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, BOTTOM_MARGIN);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		Bookmarks bookmarks = new Bookmarks();
		PageFooter footer = new PageFooter(fonts.primary());
		writer.setPageEvent(bookmarks);
		writer.setPageEvent(footer);
		writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
		document.addTitle(title);
		document.addSubject("办事指南一本通，目录第 " + snapshot.importId() + " 版");
		document.addCreator("onething");
		document.open();
		Typesetter text = new Typesetter(fonts);
		Book book = new Book(document, writer, text, bookmarks, knownPages);
		new CoverPage(book).write(edition);
		new HowToUsePage(book).write(snapshot, contents);
		new TableOfContents(book).write(contents);
		new OneThingPart(book, snapshot).write(contents);
		GuideSection guides = new GuideSection(book, links);
		for (CompendiumContents.Part part : contents.parts()) {
			new DomainSection(book, guides).write(part);
		}
		new DisclosureAppendix(book).write(contents.disclosureRows(snapshot));
		document.close();
		return new Pass(Map.copyOf(bookmarks.pages()), footer.pageCount(), text.missing());
	}

	private static String title(CatalogSnapshot snapshot, CompendiumContents contents) {
		String county = snapshot.hall().county() == null ? "" : snapshot.hall().county();
		return county + "办事指南一本通" + (contents.scopeName() == null ? "" : "（" + contents.scopeName() + "）");
	}
}
