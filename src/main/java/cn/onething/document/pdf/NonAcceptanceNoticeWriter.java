package cn.onething.document.pdf;

import java.util.ArrayList;
import java.util.List;

import cn.onething.casework.Glossary;
import cn.onething.casework.Remedies;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.NonAcceptance;
import cn.onething.catalog.model.Hall;

/**
 * 不予受理通知书: the dated written decision not to accept an application (行政许可法 §32 ¶2), with the reason, where
 * to apply instead when another authority is competent (§32(2)), and the applicant's remedies with the bodies to
 * address. Blocking: callers run it off the request threads.
 */
public final class NonAcceptanceNoticeWriter {

	static final String TITLE = "不予受理通知书";
	static final String LEGAL_BASIS = "依据《中华人民共和国行政许可法》第三十二条：申请事项依法不需要取得行政许可的，应当即时告知申请人不受理；"
			+ "申请事项依法不属于本行政机关职权范围的，应当即时作出不予受理的决定，并告知申请人向有关行政机关申请。"
			+ "行政机关不予受理行政许可申请，应当出具加盖本行政机关专用印章和注明日期的书面凭证。";

	private final FontChain fonts;

	public NonAcceptanceNoticeWriter(FontChain fonts) {
		this.fonts = fonts;
	}

	public byte[] write(StoredCase stored, NonAcceptance decision, Hall hall, Remedies remedies, String progressUrl) {
		CaseFile file = stored.file();
		CaseSheet sheet = new CaseSheet(fonts, TITLE, TITLE + " " + file.receiptCode());
		sheet.title(hall, TITLE);
		sheet.body(stored.applicant().masked().name() + "：");
		sheet.body("您于 " + Typesetter.date(file.receivedOn()) + " 提交的“" + file.terms().bundleName() + "”申请（" + Glossary.RECEIPT_CODE + " "
				+ file.receiptCode() + "），经审查，决定不予受理。");
		List<String[]> facts = new ArrayList<>();
		facts.add(new String[] { "不予受理的理由", decision.reason() });
		if (decision.referTo() != null) {
			facts.add(new String[] { "请向以下机关申请", decision.referTo() });
		}
		sheet.facts(facts);
		sheet.body(LEGAL_BASIS);
		sheet.remedies(remedies);
		sheet.closing(hall, List.of(CaseSheet.Code.progressPage(progressUrl)), decision.decidedOn());
		return sheet.close();
	}
}
