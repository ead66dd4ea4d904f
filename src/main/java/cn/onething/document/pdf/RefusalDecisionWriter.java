package cn.onething.document.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.casework.Glossary;
import cn.onething.casework.Remedies;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.StepEnding;
import cn.onething.catalog.model.Hall;

/**
 * 不予行政许可决定书: the written decision refusing one step's items (行政许可法 §38 ¶2), with the reason, the legal
 * basis, the steps the refusal ended, and the applicant's remedies with the bodies to address. Dated the day of the
 * decision. Blocking: callers run it off the request threads.
 */
public final class RefusalDecisionWriter {

	static final String TITLE = "不予行政许可决定书";
	static final String LEGAL_BASIS = "依据《中华人民共和国行政许可法》第三十八条第二款：行政机关依法作出不予行政许可的书面决定的，"
			+ "应当说明理由，并告知申请人享有依法申请行政复议或者提起行政诉讼的权利。";

	private final FontChain fonts;

	public RefusalDecisionWriter(FontChain fonts) {
		this.fonts = fonts;
	}

	/**
	 * @param refused a step in state REFUSED
	 * @param itemNames item code → name, from the current catalogue
	 */
	public byte[] write(StoredCase stored, CaseStep refused, Map<String, String> itemNames, String department, Hall hall,
			Remedies remedies, String progressUrl) {
		CaseFile file = stored.file();
		LocalDate decidedOn = LocalDate.ofInstant(refused.decidedAt(), CaseContext.CHINA);
		CaseSheet sheet = new CaseSheet(fonts, TITLE, TITLE + " " + file.receiptCode() + " " + refused.id());
		sheet.title(hall, TITLE);
		sheet.body(stored.applicant().masked().name() + "：");
		sheet.body("您于 " + Typesetter.date(file.receivedOn()) + " 提交的“" + file.terms().bundleName() + "”申请（" + Glossary.RECEIPT_CODE + " "
				+ file.receiptCode() + "）中，" + department + "对“" + refused.plan().name() + "”依法进行了审查，决定不予许可。");
		List<String[]> facts = new ArrayList<>();
		facts.add(new String[] { "审批环节", refused.plan().name() });
		facts.add(new String[] { "涉及事项", refused.plan().itemCodes().stream().map(code -> itemNames.getOrDefault(code, code))
				.collect(Collectors.joining("、")) });
		facts.add(new String[] { "审查部门", department });
		facts.add(new String[] { "不予许可的理由", refused.reason() });
		List<String> ended = StepEnding.of(file).stream()
				.filter(ending -> ending.kind() == StepEnding.Kind.ENDED_BY_REFUSAL && refused.id().equals(ending.causeStepId()))
				.map(ending -> ending.step().plan().name()).toList();
		if (!ended.isEmpty()) {
			facts.add(new String[] { "因本决定终止的环节", String.join("、", ended) });
		}
		sheet.facts(facts);
		sheet.body(LEGAL_BASIS);
		sheet.remedies(remedies);
		sheet.closing(hall, List.of(CaseSheet.Code.progressPage(progressUrl)), decidedOn);
		return sheet.close();
	}
}
