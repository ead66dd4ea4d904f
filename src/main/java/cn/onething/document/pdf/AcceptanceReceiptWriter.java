package cn.onething.document.pdf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.casework.Applicant;
import cn.onething.casework.Glossary;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Acceptance;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.catalog.model.Hall;
import cn.onething.notification.CaseBindingCode;

/**
 * 受理回执 (收件回执 while the case is received but not yet accepted: the glossary's 收件 and 受理): the dated written
 * receipt of 行政许可法 §32 for a case. The applicant's name, ID number and phone are
 * printed masked only, since a receipt is handed over, photographed and left lying about; the phone without its last
 * four digits, which with the receipt code printed above would open the case's progress page for whoever finds it.
 * Blocking: callers run it off the request threads.
 */
public final class AcceptanceReceiptWriter {

	static final String TITLE = "受理回执";
	static final String TITLE_BEFORE_ACCEPTANCE = "收件回执";
	private static final String BIND_ON_THE_PROGRESS_PAGE = "如需通过微信接收办理进度通知，请扫描下方二维码打开办理进度页面，在“微信通知”栏目中绑定微信。";
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final FontChain fonts;

	public AcceptanceReceiptWriter(FontChain fonts) {
		this.fonts = fonts;
	}

	/**
	 * @param schedule the case's due dates and expected completion, by the calendar
	 * @param progressUrl the full address of the case's progress page with its key, for the QR code
	 * @param wechat the case's WeChat binding code, printed beside the progress page's; empty when WeChat did not
	 *        give it, and the receipt then says how to bind from the progress page
	 */
	public byte[] write(StoredCase stored, Hall hall, CaseSchedule schedule, String progressUrl,
			Optional<CaseBindingCode> wechat, LocalDate issuedOn) {
		CaseFile file = stored.file();
		Applicant applicant = stored.applicant().maskedForOthers();
		Acceptance acceptance = file.acceptance();
		String title = acceptance == null && file.completion() == null ? TITLE_BEFORE_ACCEPTANCE : TITLE;
		CaseSheet sheet = new CaseSheet(fonts, title, title + " " + file.receiptCode());
		sheet.title(hall, title);
		List<String[]> facts = new ArrayList<>();
		facts.add(new String[] { Glossary.RECEIPT_CODE, file.receiptCode() });
		facts.add(new String[] { "办理事项", file.terms().bundleName() });
		facts.add(new String[] { "申请人", applicant.name() });
		facts.add(new String[] { "身份证号码", applicant.idNumber() });
		facts.add(new String[] { "联系电话", applicant.phone() });
		facts.add(new String[] { Glossary.RECEIVED_ON, Typesetter.date(file.receivedOn()) });
		if (acceptance != null) {
			facts.add(new String[] { Glossary.ACCEPTED_ON, Typesetter.date(acceptance.effectiveOn()) });
			facts.add(new String[] { "受理情况", acceptance.basis().label() });
		}
		else if (file.completion() != null && file.completion().nonAcceptance() != null) {
			facts.add(new String[] { "受理情况", Glossary.NOT_ACCEPTED + "（详见不予受理通知书）" });
		}
		else {
			facts.add(new String[] { "受理情况", Glossary.RECEIVED_AWAITING_CHECK });
		}
		facts.add(new String[] { "承诺办结时限", file.terms().committedWorkingDays() + " 个工作日" });
		facts.add(new String[] { "办结期限", file.acceptance() == null ? "自受理之日起计算"
				: schedule.bundleDueOn().map(Typesetter::date).orElse("已办结") });
		facts.add(new String[] { Glossary.EXPECTED_COMPLETION_ON, schedule.expectedCompletionOn().map(day -> Typesetter.date(day)
				+ (schedule.projected() ? "（如无需补正）" : "")).orElse("补正材料齐全后计算") });
		facts.addAll(TimeLimitChanges.rows(file, schedule));
		facts.add(new String[] { "办理环节", file.steps().stream().map(step -> step.plan().name())
				.collect(Collectors.joining("、")) });
		sheet.facts(facts);
		sheet.body(acceptance != null
				? "您的申请已受理，我们将在承诺时限内办结（依法需要听证、检验、检测、鉴定和专家评审的时间不计算在内）。"
				: "您的申请材料已收到。材料齐全、符合法定形式的，予以受理；需要补正的，我们将在五个工作日内一次性告知需要补正的全部内容。");
		sheet.body("凭" + Glossary.RECEIPT_CODE + "和手机号码后四位，或扫描下方二维码，可随时查询办理进度。");
		List<CaseSheet.Code> codes = new ArrayList<>(List.of(CaseSheet.Code.progressPage(progressUrl)));
		wechat.ifPresentOrElse(code -> codes.add(wechatCode(code)), () -> sheet.body(BIND_ON_THE_PROGRESS_PAGE));
		sheet.closing(hall, codes, issuedOn);
		return sheet.close();
	}

	/**
	 * Scanning it in WeChat follows the official account and binds the case in one step, which the progress page's
	 * link cannot do (pushes to someone who does not follow fail with 43004). 有效期至 is read as "through that day",
	 * so the date printed is the last day the code lives through, not the day it dies.
	 */
	private static CaseSheet.Code wechatCode(CaseBindingCode code) {
		LocalDate lastWholeDay = LocalDate.ofInstant(code.expiresAt(), CHINA).minusDays(1);
		return new CaseSheet.Code(code.url(), List.of("微信扫一扫", "关注公众号，接收办理进度通知",
				"二维码有效期至 " + Typesetter.date(lastWholeDay)));
	}
}
