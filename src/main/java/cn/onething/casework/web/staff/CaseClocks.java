package cn.onething.casework.web.staff;

import java.time.LocalDate;

import cn.onething.calendar.Deadline;
import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStatus;

/**
 * The clocks of a case as staff watch them: the one-time notice, due within five working days of receipt
 * (行政许可法 §32(4)); the review of a correction, after which the case counts as accepted (§32(5)); and the
 * decision, due after acceptance in working days (§42, §82).
 *
 * @param noticeDueOn the last day for the one-time notice; null once a notice went out or the case was accepted
 * @param correctionReviewDueOn 补正材料审查期限; null unless corrections are under review before acceptance
 * @param decisionDueOn null until accepted
 * @param workingDaysLeft of the decision deadline; negative when overdue; null until accepted
 * @param paused the applicant is correcting, so the decision clock stands still
 */
record CaseClocks(LocalDate noticeDueOn, LocalDate correctionReviewDueOn, LocalDate decisionDueOn, Integer workingDaysLeft, boolean paused,
		boolean overdue) {

	static CaseClocks of(CaseFile file, LocalDate today, WorkingDayCalendar calendar) {
		LocalDate noticeDue = file.acceptance() == null && file.notices().isEmpty() ? file.noticeDueOn(calendar) : null;
		Deadline deadline = file.completion() == null ? file.deadline().orElse(null) : null;
		Integer left = deadline == null ? null : deadline.workingDaysLeft(today, calendar);
		boolean paused = file.status() == CaseStatus.AWAITING_CORRECTION;
		boolean overdue = left != null && left < 0 && !paused;
		return new CaseClocks(noticeDue, file.correctionReviewDueOn(calendar).orElse(null), deadline == null ? null : deadline.dueDate(calendar), left, paused, overdue);
	}

	/** The next day something falls due; null when nothing runs. */
	LocalDate nextDueOn() {
		return noticeDueOn != null ? noticeDueOn : correctionReviewDueOn != null ? correctionReviewDueOn : paused ? null : decisionDueOn;
	}

	public String daysLeftLabel() {
		if (workingDaysLeft == null) {
			return "";
		}
		if (paused) {
			return "补正中，计时暂停";
		}
		if (workingDaysLeft < 0) {
			return "已超期 " + -workingDaysLeft + " 个工作日";
		}
		return workingDaysLeft == 0 ? "今天到期" : "剩余 " + workingDaysLeft + " 个工作日";
	}
}
