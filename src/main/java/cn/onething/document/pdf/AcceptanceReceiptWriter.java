package cn.onething.document.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.casework.Applicant;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Acceptance;
import cn.onething.casework.model.CaseFile;
import cn.onething.catalog.model.Hall;

/**
 * 受理回执: the dated written receipt of 行政许可法 §32 for a case. The applicant's name, ID number and phone are
 * printed masked only, since a receipt is handed over, photographed and left lying about. Blocking: callers run it
 * off the request threads.
 */
public final class AcceptanceReceiptWriter {

	static final String TITLE = "受理回执";

	private final FontChain fonts;

	public AcceptanceReceiptWriter(FontChain fonts) {
		this.fonts = fonts;
	}

	/**
	 * @param dueDate the decision deadline once the case is accepted, empty before
	 * @param progressUrl the full address of the case's progress page with its key, for the QR code
	 */
	public byte[] write(StoredCase stored, Hall hall, Optional<LocalDate> dueDate, String progressUrl,
			LocalDate issuedOn) {
		CaseFile file = stored.file();
		Applicant applicant = stored.applicant().masked();
		CaseSheet sheet = new CaseSheet(fonts, TITLE, TITLE + " " + file.receiptCode());
		sheet.title(hall, TITLE);
		List<String[]> facts = new ArrayList<>();
		facts.add(new String[] { "办件编号", file.receiptCode() });
		facts.add(new String[] { "办理事项", file.terms().bundleName() });
		facts.add(new String[] { "申请人", applicant.name() });
		facts.add(new String[] { "身份证号码", applicant.idNumber() });
		facts.add(new String[] { "联系电话", applicant.phone() });
		facts.add(new String[] { "收件日期", Typesetter.date(file.receivedOn()) });
		Acceptance acceptance = file.acceptance();
		if (acceptance != null) {
			facts.add(new String[] { "受理日期", Typesetter.date(acceptance.effectiveOn()) });
			facts.add(new String[] { "受理情况", acceptance.basis().label() });
		}
		else {
			facts.add(new String[] { "受理情况", "收件待审" });
		}
		facts.add(new String[] { "承诺办结时限", file.terms().committedWorkingDays() + " 个工作日" });
		facts.add(new String[] { "办结期限", dueDate.map(Typesetter::date).orElse("自受理之日起计算") });
		facts.add(new String[] { "办理环节", file.steps().stream().map(step -> step.plan().name())
				.collect(Collectors.joining("、")) });
		sheet.facts(facts);
		sheet.body(acceptance != null
				? "您的申请已受理，我们将在承诺时限内办结（依法需要听证、检验、检测、鉴定和专家评审的时间不计算在内）。"
				: "您的申请材料已收到。材料齐全、符合法定形式的，予以受理；需要补正的，我们将在五个工作日内一次性告知需要补正的全部内容。");
		sheet.body("凭办件编号或扫描下方二维码可随时查询办理进度。");
		sheet.closing(hall, progressUrl, issuedOn);
		return sheet.close();
	}
}
