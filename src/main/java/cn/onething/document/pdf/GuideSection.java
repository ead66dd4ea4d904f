package cn.onething.document.pdf;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Material;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * One guide, starting on a new page, with every public element of the national guide (办事指南) in the order window
 * staff read them out, and a QR code of its mobile page.
 */
final class GuideSection {

	private static final float QR_SIZE = 100;

	private final Book book;
	private final Typesetter text;
	private final CatalogProperties links;
	private final MaterialsTable materials;

	GuideSection(Book book, CatalogProperties links) {
		this.book = book;
		this.text = book.text();
		this.links = links;
		this.materials = new MaterialsTable(text);
	}

	void write(Guide guide, String domainAnchor) {
		text.place(guide.name() + "（" + guide.code() + "）");
		book.newPage();
		book.add(book.markedHeading(guide.name(), Typesetter.Style.TITLE, Bookmarks.guide(guide.code()), domainAnchor));
		book.add(text.paragraph(summary(guide), Typesetter.Style.SMALL));
		book.heading("一、基本信息");
		book.add(basicInformation(guide));
		if (Typesetter.present(guide.visitsNote())) {
			book.body("需到现场的原因：" + guide.visitsNote());
		}
		book.heading("二、受理条件");
		book.body(guide.conditions());
		book.heading("三、申请材料（共 " + guide.materials().size() + " 项）");
		book.add(materials.of(guide));
		book.heading("四、办理流程");
		process(guide);
		book.heading("五、办理时限");
		timeLimit(guide.timeLimit());
		book.heading("六、特别程序");
		specialProcedures(guide.specialProcedures());
		book.heading("七、收费标准");
		fees(guide.fees());
		book.heading("八、办理地点和时间");
		windows(guide.windows());
		book.heading("九、咨询方式");
		book.body(guide.contact());
		book.heading("十、监督投诉方式");
		book.body(guide.complaint());
		book.heading("十一、设定依据");
		legalBasis(guide.legalBasis());
		book.heading("十二、常见问题");
		faq(guide.faq());
	}

	private static String summary(Guide guide) {
		String visits = guide.visits() == 0 ? "不用跑" : "最多跑 " + guide.visits() + " 次";
		return guide.timeLimit().kind() + "　|　" + (guide.fees().charged() ? "收费" : "不收费") + "　|　" + visits;
	}

	/** The facts on the left, the QR code on the right, so the code sits where a reader's eye starts. */
	private PdfPTable basicInformation(Guide guide) {
		PdfPTable facts = Cells.table(28, 72);
		facts.setSpacingBefore(0);
		facts.setSpacingAfter(0);
		fact(facts, "事项类型", guide.type().label());
		fact(facts, "实施主体", guide.department().name());
		fact(facts, "基本编码", guide.code());
		fact(facts, "实施编码", guide.implementationCode());
		fact(facts, "服务对象", String.join("、", guide.serviceObjects()));
		fact(facts, "行使层级", guide.useLevel() == 5 ? "乡（镇）级" : "县级");
		fact(facts, "办件类型", guide.timeLimit().kind());
		fact(facts, "到办事现场次数", guide.visits() + " 次");
		fact(facts, "网上办理地址", Typesetter.present(guide.onlineUrl()) ? guide.onlineUrl() : "暂不支持网上办理");
		fact(facts, "生效日期", Typesetter.date(guide.effectiveDate()));
		fact(facts, "手机版地址", links.guideUrl(guide.code()));

		PdfPTable layout = Cells.table(72, 28);
		PdfPCell left = new PdfPCell(facts);
		facts.setExtendLastRow(false); // a nested table would otherwise stretch its last row to the QR code's height
		left.setBorder(Rectangle.NO_BORDER);
		left.setPadding(0);
		left.setPaddingRight(8);
		layout.addCell(left);
		layout.addCell(qrCode(guide));
		return layout;
	}

	private void fact(PdfPTable facts, String label, String value) {
		facts.addCell(Cells.header(text.phrase(label, Typesetter.Style.SMALL_BOLD)));
		facts.addCell(Cells.cell(text.phrase(value, Typesetter.Style.SMALL)));
	}

	private PdfPCell qrCode(Guide guide) {
		Image image = QrImages.of(book.writer().getDirectContent(), links.guideUrl(guide.code()), QR_SIZE);
		image.setAlignment(Image.MIDDLE);
		Paragraph caption = text.paragraph("扫码查看手机版", Typesetter.Style.SMALL);
		caption.setAlignment(Element.ALIGN_CENTER);
		PdfPCell cell = new PdfPCell();
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPadding(0);
		cell.addElement(image);
		cell.addElement(caption);
		return cell;
	}

	private void process(Guide guide) {
		Map<String, String> materialNames = guide.materials().stream()
				.collect(Collectors.toMap(Material::id, Material::name, (a, b) -> a));
		int number = 1;
		for (Guide.ProcessStep step : guide.process()) {
			Paragraph paragraph = book.bodyParagraph("");
			paragraph.add(text.phrase(number++ + ". " + step.name(), Typesetter.Style.BODY_BOLD));
			if (Typesetter.present(step.description())) {
				paragraph.add(text.phrase("：" + step.description(), Typesetter.Style.BODY));
			}
			if (step.materials() != null && !step.materials().isEmpty()) {
				paragraph.add(text.phrase("\n所需材料：" + step.materials().stream()
						.map(id -> materialNames.getOrDefault(id, id)).collect(Collectors.joining("、")),
						Typesetter.Style.SMALL));
			}
			book.add(paragraph);
		}
	}

	private void timeLimit(Guide.TimeLimit limit) {
		book.body("法定办结时限：" + limit.statutory() + " 个工作日；承诺办结时限：" + limit.committed() + " 个工作日；办件类型："
				+ limit.kind() + "。");
		if (Typesetter.present(limit.note())) {
			book.body("说明：" + limit.note());
		}
	}

	private void specialProcedures(List<Guide.SpecialProcedure> procedures) {
		if (procedures.isEmpty()) {
			book.body("无。");
			return;
		}
		book.add(rows(List.of("程序名称", "所需时限", "说明"), new float[] { 30, 20, 50 }, procedures,
				p -> List.of(p.name(), p.limit() + " 个工作日", Typesetter.present(p.note()) ? p.note() : "")));
		book.body("特别程序所需时间不计入办理时限（《中华人民共和国行政许可法》第四十五条）。");
	}

	private void fees(Guide.Fees fees) {
		if (!fees.charged()) {
			book.body("不收费。");
			return;
		}
		book.add(rows(List.of("收费项目", "收费标准"), new float[] { 50, 50 }, fees.items(),
				item -> List.of(item.name(), item.amount())));
		if (Typesetter.present(fees.basis())) {
			book.body("收费依据：" + fees.basis());
		}
	}

	private void windows(List<Guide.ServiceWindow> windows) {
		for (Guide.ServiceWindow window : windows) {
			Paragraph paragraph = book.bodyParagraph("");
			paragraph.add(text.phrase(window.name(), Typesetter.Style.BODY_BOLD));
			paragraph.add(text.phrase("\n地址：" + window.address() + "\n办公时间：" + window.hours()
					+ (Typesetter.present(window.phone()) ? "\n联系电话：" + window.phone() : ""), Typesetter.Style.BODY));
			book.add(paragraph);
		}
	}

	private void legalBasis(List<Guide.LegalBasis> basis) {
		for (Guide.LegalBasis law : basis) {
			Paragraph paragraph = book.bodyParagraph("");
			paragraph.add(text.phrase("《" + law.law() + "》" + (Typesetter.present(law.article()) ? law.article() : ""),
					Typesetter.Style.BODY_BOLD));
			if (Typesetter.present(law.text())) {
				paragraph.add(text.phrase("\n" + law.text(), Typesetter.Style.BODY));
			}
			book.add(paragraph);
		}
	}

	private void faq(List<Guide.Faq> questions) {
		if (questions.isEmpty()) {
			book.body("无。");
			return;
		}
		for (Guide.Faq question : questions) {
			Paragraph paragraph = book.bodyParagraph("");
			paragraph.add(text.phrase("问：" + question.q(), Typesetter.Style.BODY_BOLD));
			paragraph.add(text.phrase("\n答：" + question.a(), Typesetter.Style.BODY));
			book.add(paragraph);
		}
	}

	private <T> PdfPTable rows(List<String> headers, float[] widths, List<T> items, Function<T, List<String>> columns) {
		PdfPTable table = Cells.table(widths);
		table.setHeaderRows(1);
		headers.forEach(header -> table.addCell(Cells.header(text.phrase(header, Typesetter.Style.SMALL_BOLD))));
		for (T item : items) {
			columns.apply(item).forEach(value -> table.addCell(Cells.cell(text.phrase(value, Typesetter.Style.SMALL))));
		}
		return table;
	}
}
