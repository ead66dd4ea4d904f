package cn.onething.document.pdf;

import java.util.List;
import java.util.stream.Collectors;

import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Disclosure;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * 附录: the disclosure catalogue (公开事项标准目录) of the printed items, with the columns of the seed's Attachment 2
 * (国办发〔2019〕54号, 桂政办发〔2020〕35号). Landscape, as the county's own catalogues are, so that fourteen columns
 * stay readable; ☑/☐ for each channel, √ in the sub-column of the audience, mode and level that apply.
 */
final class DisclosureAppendix {

	static final String TITLE = "附录　基层政务公开标准目录";

	private final Book book;

	DisclosureAppendix(Book book) {
		this.book = book;
	}

	void write(List<DisclosureRow> rows) {
		Typesetter text = book.text();
		text.place("附录");
		book.document().setPageSize(PageSize.A4.rotate());
		book.newPage();
		book.add(book.markedHeading(TITLE, Typesetter.Style.TITLE, Bookmarks.APPENDIX, null));
		PdfPTable table = Cells.table(4, 6, 7, 14, 10, 9, 8, 10, 4.5f, 6, 3.5f, 4.5f, 3.5f, 4.5f);
		table.setHeaderRows(2);
		spanningHeader(table, "序号", 1, 2);
		spanningHeader(table, "公开事项", 2, 1);
		for (String header : List.of("公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体")) {
			spanningHeader(table, header, 1, 2);
		}
		for (String header : List.of("公开对象", "公开方式", "公开层级")) {
			spanningHeader(table, header, 2, 1);
		}
		for (String header : List.of("一级事项", "二级事项", "全社会", "特定群众", "主动", "依申请", "县级", "乡村级")) {
			spanningHeader(table, header, 1, 1);
		}
		for (DisclosureRow row : rows) {
			Disclosure disclosure = row.disclosure();
			table.addCell(Cells.centered(text.phrase(String.valueOf(row.number()), Typesetter.Style.SMALL)));
			for (String value : List.of(disclosure.firstLevel(), disclosure.secondLevel(), disclosure.content(),
					disclosure.basis(), disclosure.timeLimit(), disclosure.subject(), channels(disclosure))) {
				table.addCell(Cells.cell(text.phrase(value, Typesetter.Style.SMALL)));
			}
			ticks(table, Disclosure.AUDIENCES, disclosure.audience());
			ticks(table, Disclosure.MODES, disclosure.mode());
			ticks(table, Disclosure.LEVELS, disclosure.level());
		}
		book.add(table);
		if (rows.isEmpty()) {
			book.add(text.paragraph("本册暂无公开事项。", Typesetter.Style.BODY));
		}
	}

	private void spanningHeader(PdfPTable table, String title, int columns, int rows) {
		PdfPCell cell = Cells.header(book.text().phrase(title, Typesetter.Style.SMALL_BOLD));
		cell.setColspan(columns);
		cell.setRowspan(rows);
		table.addCell(cell);
	}

	private static String channels(Disclosure disclosure) {
		return Disclosure.CHANNELS.stream()
				.map(channel -> (disclosure.channels().contains(channel) ? "☑" : "☐") + channel)
				.collect(Collectors.joining("\n"));
	}

	private void ticks(PdfPTable table, List<String> options, String chosen) {
		for (String option : options) {
			table.addCell(Cells.centered(book.text().phrase(option.equals(chosen) ? "√" : "", Typesetter.Style.SMALL)));
		}
	}
}
