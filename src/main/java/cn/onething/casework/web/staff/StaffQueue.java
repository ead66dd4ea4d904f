package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.util.List;

import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * 我的待办, for the console's queue page and the staff API: a reviewer gets the cases their department reviews
 * (待审查), waits on for correction (待补正) or may pre-review before the one-time notice (待预审, by the notice's
 * deadline); the window and supervisors every open case. Most urgent first.
 */
@Component
class StaffQueue {

	/** The steps a department has work on or waits on; waiting ones only while they may pre-review (部门预审). */
	private static final List<String> DEPARTMENT_QUEUE = List.of("ACTIVE", "FLAGGED", "WAITING");

	private final Casework casework;

	StaffQueue(Casework casework) {
		this.casework = casework;
	}

	Flux<QueueRow> rows(StaffMember member, LocalDate today) {
		return cases(member)
				.map(stored -> QueueRow.of(stored, member, today, casework.calendar()))
				.sort(QueueRow.MOST_URGENT_FIRST);
	}

	private Flux<StoredCase> cases(StaffMember member) {
		if (seesAllOpenCases(member)) {
			return casework.openCases();
		}
		return member.has(StaffRole.REVIEWER)
				? casework.queue(member.departmentId(), DEPARTMENT_QUEUE).filter(stored -> hasWork(member, stored.file()))
				: Flux.empty();
	}

	private static boolean hasWork(StaffMember member, CaseFile file) {
		return !CaseAccess.stepsToPreReview(member, file).isEmpty() || file.steps().stream()
				.anyMatch(step -> member.reviewsFor(step.plan().departmentId())
						&& (step.state() == StepState.ACTIVE || step.state() == StepState.FLAGGED));
	}

	static boolean seesAllOpenCases(StaffMember member) {
		return member.has(StaffRole.WINDOW) || member.has(StaffRole.SUPERVISOR);
	}

	static boolean handlesCases(StaffMember member) {
		return seesAllOpenCases(member) || member.has(StaffRole.REVIEWER);
	}
}
