package cn.onething.document.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * "第 x 页 共 y 页" at the foot of every page but the cover. The total is not known while pages are laid out, so each
 * footer shows one shared template that is filled in when the document closes.
 */
final class PageFooter extends PdfPageEventHelper {

	private static final float SIZE = 9;
	private static final float BASELINE = 30;

	private final BaseFont font;
	private PdfTemplate total;
	private int pages;

	PageFooter(BaseFont font) {
		this.font = font;
	}

	/** The number of pages once the document is closed. */
	int pageCount() {
		return pages;
	}

	@Override
	public void onOpenDocument(PdfWriter writer, Document document) {
		total = writer.getDirectContent().createTemplate(80, SIZE * 2);
	}

	@Override
	public void onEndPage(PdfWriter writer, Document document) {
		pages = writer.getPageNumber();
		if (pages == 1) {
			return;
		}
		// The number before the middle, the total after it: both halves meet at the centre whatever their widths.
		String before = "第 " + pages + " 页 共 ";
		Rectangle page = writer.getPageSize();
		float middle = (page.getLeft() + page.getRight()) / 2;
		PdfContentByte content = writer.getDirectContent();
		content.beginText();
		content.setFontAndSize(font, SIZE);
		content.setTextMatrix(middle - font.getWidthPoint(before, SIZE), page.getBottom() + BASELINE);
		content.showText(before);
		content.endText();
		content.addTemplate(total, middle, page.getBottom() + BASELINE + font.getDescentPoint(before, SIZE));
	}

	@Override
	public void onCloseDocument(PdfWriter writer, Document document) {
		total.beginText();
		total.setFontAndSize(font, SIZE);
		total.setTextMatrix(0, -font.getDescentPoint("页", SIZE));
		total.showText(pages + " 页");
		total.endText();
	}
}
