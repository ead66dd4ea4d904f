package cn.onething.document.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.onething.casework.Glossary;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.catalog.model.Hall;

/**
 * 延长期限告知书: the written notice that a case's time limit was extended, with the reason 行政许可法 §42 requires
 * the applicant be told and the new due date. Dated the day the head approved the extension, not the day it is
 * printed. Blocking: callers run it off the request threads.
 */
public final class ExtensionNoticeWriter {

	static final String TITLE = "延长期限告知书";
	static final String LEGAL_BASIS = "依据《中华人民共和国行政许可法》第四十二条：统一办理、联合办理、集中办理的，办理的时间不得"
			+ "超过四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日，并应当将延长期限的理由告知申请人。";

	private final FontChain fonts;

	public ExtensionNoticeWriter(FontChain fonts) {
		this.fonts = fonts;
	}

	/** @param extendedOn the day of the head's approval */
	public byte[] write(StoredCase stored, CaseSchedule schedule, Hall hall, String progressUrl, LocalDate extendedOn) {
		CaseFile file = stored.file();
		CaseSheet sheet = new CaseSheet(fonts, TITLE, TITLE + " " + file.receiptCode());
		sheet.title(hall, TITLE);
		sheet.body(stored.applicant().masked().name() + "：");
		sheet.body("您于 " + Typesetter.date(file.receivedOn()) + " 提交的“" + file.terms().bundleName() + "”申请（" + Glossary.RECEIPT_CODE + " "
				+ file.receiptCode() + "），因以下原因不能在原定期限内办结，经本机关负责人批准，办理期限延长 15 个工作日。");
		List<String[]> facts = new ArrayList<>();
		facts.add(new String[] { "延长理由", file.extensionReason() });
		facts.add(new String[] { "批准日期", Typesetter.date(extendedOn) });
		schedule.bundleDueOn().ifPresent(due -> facts.add(new String[] { "延长后的办结期限", Typesetter.date(due) }));
		schedule.expectedCompletionOn().ifPresent(expected -> facts.add(new String[] { "预计办结日期", Typesetter.date(expected) }));
		sheet.facts(facts);
		sheet.body("依法需要听证、检验检测、专家评审、现场勘验、公示的时间不计入办理期限。");
		sheet.body(LEGAL_BASIS);
		sheet.closing(hall, List.of(CaseSheet.Code.progressPage(progressUrl)), extendedOn);
		return sheet.close();
	}
}
