package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffMember;

/** One line of a queue: the case, its applicant (masked unless the member handles it), its clocks and its state. */
record QueueRow(String caseId, String receiptCode, String bundleName, String applicantName, LocalDate receivedOn,
		CaseClocks clocks, String state) {

	/** Overdue first, then whatever falls due soonest, then the oldest. */
	static final Comparator<QueueRow> MOST_URGENT_FIRST = Comparator.comparing((QueueRow row) -> !row.clocks().overdue())
			.thenComparing(row -> row.clocks().nextDueOn(), Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(QueueRow::receivedOn);

	static QueueRow of(StoredCase stored, StaffMember member, LocalDate today, WorkingDayCalendar calendar) {
		CaseFile file = stored.file();
		String name = CaseAccess.applicantFor(member, stored).name();
		return new QueueRow(file.id(), file.receiptCode(), file.terms().bundleName(), name, file.receivedOn(),
				CaseClocks.of(file, today, calendar), state(file, member));
	}

	/** What the member's department is doing or waiting for, or the case's status for those who see every case. */
	private static String state(CaseFile file, StaffMember member) {
		List<CaseStep> preReview = CaseAccess.stepsToPreReview(member, file);
		String mine = file.steps().stream().filter(step -> member.reviewsFor(step.plan().departmentId()))
				.filter(step -> step.state() == StepState.ACTIVE || step.state() == StepState.FLAGGED || preReview.contains(step))
				.map(step -> step.state() == StepState.ACTIVE ? "待审查" : step.state() == StepState.FLAGGED ? "待补正" : "待预审")
				.distinct().collect(Collectors.joining("、"));
		return mine.isEmpty() ? file.status().label() : mine;
	}
}
