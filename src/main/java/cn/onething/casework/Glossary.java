package cn.onething.casework;

import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.Completion;
import cn.onething.catalog.model.Hall;

/**
 * The words an applicant reads about a case, in one place, so that the pages, the PDFs (module document) and the
 * WeChat pushes (module notification) say the same thing the same way (docs/architecture.md, "Words applicants
 * read"). 收件 is the day the materials were received; 受理 is the formal acceptance after they were checked (行政许可法
 * §32), so nothing says 受理 before the case has an acceptance. Staff pages may use their own words.
 */
public final class Glossary {

	/** The code on the receipt that, with the phone's last four digits, finds the case; never 办件编号 or 受理号. */
	public static final String RECEIPT_CODE = "回执编号";
	/** The day the materials were received (filed), before any check. */
	public static final String RECEIVED_ON = "收件日期";
	/** The day the case counts as formally accepted. */
	public static final String ACCEPTED_ON = "受理日期";
	public static final String EXPECTED_COMPLETION_ON = "预计办结日期";
	/** A filed case not yet accepted: received, being checked. */
	public static final String RECEIVED_AWAITING_CHECK = "已收件，待受理";
	public static final String ACCEPTED = "已受理";
	public static final String AWAITING_CORRECTION = "需补正";
	public static final String NOT_ACCEPTED = "不予受理";

	private Glossary() {
	}

	/** Where the case stands, as the applicant is told (at most seven characters, so it fits a push's status too). */
	public static String state(CaseFile file) {
		if (file.status() == CaseStatus.COMPLETED && file.completion() != null) {
			return result(file.completion().result());
		}
		if (file.status() == CaseStatus.AWAITING_CORRECTION) {
			return AWAITING_CORRECTION;
		}
		return file.acceptance() == null ? RECEIVED_AWAITING_CHECK : "已受理，办理中";
	}

	/** A finished case's result in at most five characters (a push's status word, docs/wechat.md §3.3). */
	public static String result(Completion.Result result) {
		return switch (result) {
			case APPROVED -> "已办结";
			case PARTLY_APPROVED -> "部分办结";
			case REFUSED -> "不予批准";
			case NOT_ACCEPTED -> NOT_ACCEPTED;
		};
	}

	/** Where and when a result is collected, with the window's phone, from the hall the catalogue describes. */
	public static String collectAt(Hall hall) {
		return "领取地点：" + hall.name() + "（" + hall.address() + "）；领取时间：" + hall.hours() + "；窗口电话：" + hall.phone();
	}

	/** How to open a code shown on the screen: inside WeChat's browser a code is long-pressed, not scanned. */
	public static String readOnScreenCode(boolean inWechat) {
		return inWechat ? "长按识别二维码" : "扫描二维码";
	}

	/** How to open a code printed on paper (the receipt): inside WeChat it is WeChat's own 扫一扫. */
	public static String readPrintedCode(boolean inWechat) {
		return inWechat ? "用微信“扫一扫”识别" : "扫描";
	}

	/** Whether a page was asked for by WeChat's own browser, which names itself in the user agent. */
	public static boolean inWechat(String userAgent) {
		return userAgent != null && userAgent.contains("MicroMessenger");
	}

	/** The glossary as pages read it, with the browser the page is for ({@code words} in every page's model). */
	public record Page(boolean inWechat) {

		public String receiptCode() {
			return RECEIPT_CODE;
		}

		public String receivedOn() {
			return RECEIVED_ON;
		}

		public String acceptedOn() {
			return ACCEPTED_ON;
		}

		public String expectedCompletionOn() {
			return EXPECTED_COMPLETION_ON;
		}

		public String state(CaseFile file) {
			return Glossary.state(file);
		}

		public String result(Completion.Result result) {
			return Glossary.result(result);
		}

		public String collectAt(Hall hall) {
			return Glossary.collectAt(hall);
		}

		public String readOnScreenCode() {
			return Glossary.readOnScreenCode(inWechat);
		}

		/**
		 * Both wordings, for a page kept and served to every browser alike (a guide page): it cannot depend on who
		 * asks, so the browser picks its own (elder.js marks WeChat's).
		 */
		public String readOnScreenCodeInWechat() {
			return Glossary.readOnScreenCode(true);
		}

		public String readOnScreenCodeElsewhere() {
			return Glossary.readOnScreenCode(false);
		}

		public String readPrintedCode() {
			return Glossary.readPrintedCode(inWechat);
		}
	}
}
