package cn.onething.document.pdf;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import cn.onething.casework.Remedies;
import cn.onething.catalog.model.Hall;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * One A4 sheet handed to an applicant about a case (受理回执, 一次性告知书): the hall and the title, a table of facts,
 * the hall's contacts beside QR codes (always the case's progress page), and the date of issue above the place for
 * the seal. In the compendium's fonts, cells and footer. One per document; not thread-safe.
 */
final class CaseSheet {

	private static final float MARGIN = 56;
	private static final float BOTTOM_MARGIN = 64;
	private static final float QR_SIZE = 110;
	/** Per cent of the text width a QR code's column takes: room for the code and its caption. */
	private static final float CODE_WIDTH = 28;

	private final ByteArrayOutputStream pdf = new ByteArrayOutputStream();
	private final Document document;
	private final PdfWriter writer;
	private final Typesetter text;

	CaseSheet(FontChain fonts, String title, String subject) {
		this(fonts, title, subject, PageSize.A4);
	}

	/** A sheet on another paper size: notice boards (公示栏) print on A3 as well. */
	CaseSheet(FontChain fonts, String title, String subject, Rectangle paper) {
		document = new Document(paper, MARGIN, MARGIN, MARGIN, BOTTOM_MARGIN);
		writer = PdfWriter.getInstance(document, pdf);
		writer.setPageEvent(new PageFooter(fonts.primary()));
		document.addTitle(title);
		document.addSubject(subject);
		document.addCreator("onething");
		document.open();
		text = new Typesetter(fonts);
	}

	Typesetter text() {
		return text;
	}

	/** The hall's name above the document's title, both centred. */
	void title(Hall hall, String title) {
		title(hall.name(), title);
	}

	/** The issuing body's name above the document's title, both centred. */
	void title(String issuer, String title) {
		text.place(title);
		if (Typesetter.present(issuer)) {
			Paragraph name = text.paragraph(issuer, Typesetter.Style.COVER);
			name.setAlignment(Element.ALIGN_CENTER);
			document.add(name);
		}
		Paragraph heading = text.paragraph(title, Typesetter.Style.TITLE);
		heading.setAlignment(Element.ALIGN_CENTER);
		heading.setSpacingBefore(6);
		heading.setSpacingAfter(10);
		document.add(heading);
	}

	/** Label and value rows, labels in grey header cells. */
	void facts(List<String[]> rows) {
		PdfPTable table = Cells.table(28, 72);
		for (String[] row : rows) {
			table.addCell(Cells.header(text.phrase(row[0], Typesetter.Style.SMALL_BOLD)));
			table.addCell(Cells.cell(text.phrase(row[1] == null ? "" : row[1], Typesetter.Style.BODY)));
		}
		document.add(table);
	}

	void heading(String line) {
		Paragraph heading = text.paragraph(line, Typesetter.Style.HEADING);
		heading.setSpacingBefore(8);
		heading.setSpacingAfter(2);
		document.add(heading);
	}

	void body(String line) {
		Paragraph body = text.paragraph(line, Typesetter.Style.BODY);
		body.setSpacingAfter(4);
		document.add(body);
	}

	/** 救济途径: the applicant's rights against a refusal, with the bodies to address (行政许可法 §38 ¶2). */
	void remedies(Remedies remedies) {
		heading("救济途径");
		remedies.sentences().forEach(this::body);
	}

	void add(Element element) {
		document.add(element);
	}

	/** A QR code at the foot of a sheet, with the lines under it that say what scanning it does. */
	record Code(String content, List<String> caption) {

		static Code progressPage(String progressUrl) {
			return new Code(progressUrl, List.of("扫码查看办理进度"));
		}
	}

	/** The hall's contacts on the left, the QR codes side by side on the right, then the date and the seal. */
	void closing(Hall hall, List<Code> codes, LocalDate issuedOn) {
		closing(hall.name(), new String[][] { { "办理地点", hall.address() }, { "办公时间", hall.hours() },
				{ "咨询电话", hall.phone() }, { "监督投诉", hall.complaint() } }, codes, issuedOn);
	}

	/** The issuer's contacts (label, value) on the left, the QR codes on the right, then the date and the seal. */
	void closing(String issuer, String[][] facts, List<Code> codes, LocalDate issuedOn) {
		StringBuilder contacts = new StringBuilder();
		for (String[] fact : facts) {
			if (Typesetter.present(fact[1])) {
				contacts.append(contacts.isEmpty() ? "" : "\n").append(fact[0]).append("：").append(fact[1]);
			}
		}
		float[] widths = new float[codes.size() + 1];
		Arrays.fill(widths, CODE_WIDTH);
		widths[0] = 100 - CODE_WIDTH * codes.size();
		PdfPTable layout = Cells.table(widths);
		layout.setSpacingBefore(12);
		PdfPCell left = Cells.blank(text.phrase(contacts.toString(), Typesetter.Style.SMALL));
		left.setVerticalAlignment(Element.ALIGN_MIDDLE);
		layout.addCell(left);
		codes.forEach(code -> layout.addCell(codeCell(code)));
		document.add(layout);

		for (String line : List.of((Typesetter.present(issuer) ? issuer : "") + "（加盖印章）",
				Typesetter.date(issuedOn))) {
			Paragraph signature = text.paragraph(line, Typesetter.Style.BODY);
			signature.setAlignment(Element.ALIGN_RIGHT);
			signature.setSpacingBefore(line.endsWith("）") ? 24 : 4);
			document.add(signature);
		}
	}

	private PdfPCell codeCell(Code code) {
		Image image = QrImages.of(writer.getDirectContent(), code.content(), QR_SIZE);
		image.setAlignment(Image.MIDDLE);
		PdfPCell cell = new PdfPCell();
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		cell.addElement(image);
		for (String line : code.caption()) {
			Paragraph caption = text.paragraph(line, Typesetter.Style.SMALL);
			caption.setAlignment(Element.ALIGN_CENTER);
			cell.addElement(caption);
		}
		return cell;
	}

	byte[] close() {
		document.close();
		return pdf.toByteArray();
	}
}
