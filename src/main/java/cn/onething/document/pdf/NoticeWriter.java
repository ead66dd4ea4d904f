package cn.onething.document.pdf;

import java.util.List;

import cn.onething.casework.Glossary;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.catalog.model.Hall;
import com.lowagie.text.pdf.PdfPTable;

/**
 * 一次性告知书: the written one-time notice of 行政许可法 §32(4), every item to correct from every department in one
 * sheet, with the day to correct by. Dated the day the notice was issued, not the day it is printed. Blocking:
 * callers run it off the request threads.
 */
public final class NoticeWriter {

	static final String TITLE = "一次性告知书";
	static final String LEGAL_BASIS = "依据《中华人民共和国行政许可法》第三十二条：申请材料不齐全或者不符合法定形式的，"
			+ "应当当场或者在五日内一次告知申请人需要补正的全部内容。";

	private final FontChain fonts;

	public NoticeWriter(FontChain fonts) {
		this.fonts = fonts;
	}

	public byte[] write(StoredCase stored, OneTimeNotice notice, Hall hall, String progressUrl) {
		CaseFile file = stored.file();
		String title = notice.version() == 1 ? TITLE : TITLE + "（第 " + notice.version() + " 次）";
		CaseSheet sheet = new CaseSheet(fonts, title, TITLE + " " + file.receiptCode() + " 第 " + notice.version() + " 版");
		sheet.title(hall, title);
		Typesetter text = sheet.text();
		sheet.body(stored.applicant().masked().name() + "：");
		sheet.body("您于 " + Typesetter.date(file.receivedOn()) + " 提交的“" + file.terms().bundleName() + "”申请（" + Glossary.RECEIPT_CODE + " "
				+ file.receiptCode() + "），经审查，需补正以下 " + notice.items().size() + " 项材料：");
		PdfPTable table = Cells.table(7, 25, 14, 36, 18);
		table.setHeaderRows(1);
		for (String header : new String[] { "序号", "材料名称", "问题", "原因及要求", "审查环节" }) {
			table.addCell(Cells.header(text.phrase(header, Typesetter.Style.SMALL_BOLD)));
		}
		int number = 1;
		for (Flag item : notice.items()) {
			table.addCell(Cells.centered(text.phrase(String.valueOf(number++), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(item.materialName() == null ? item.materialKey() : item.materialName(),
					Typesetter.Style.SMALL)));
			table.addCell(Cells.centered(text.phrase(item.problem().label(), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(item.reason() == null ? "" : item.reason(), Typesetter.Style.SMALL)));
			table.addCell(Cells.cell(text.phrase(stepName(file, item.stepId()), Typesetter.Style.SMALL)));
		}
		sheet.add(table);
		sheet.body("请于 " + Typesetter.date(notice.correctBy()) + " 前一次补正上述全部材料。收到全部补正材料之日起受理；"
				+ "补正期间，办理时限暂停计算。");
		sheet.body(LEGAL_BASIS);
		sheet.closing(hall, List.of(CaseSheet.Code.progressPage(progressUrl)), notice.issuedOn());
		return sheet.close();
	}

	private static String stepName(CaseFile file, String stepId) {
		return file.step(stepId).map(step -> step.plan().name()).orElse(stepId == null ? "" : stepId);
	}
}
