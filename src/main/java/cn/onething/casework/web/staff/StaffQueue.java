package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.util.List;

import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * 我的待办, for the console's queue page and the staff API: a reviewer gets the cases their department reviews
 * (待审查) or waits on for correction (待补正); the window and supervisors every open case. Most urgent first.
 */
@Component
class StaffQueue {

	/** The steps a department has work on or waits on. */
	private static final List<String> DEPARTMENT_QUEUE = List.of("ACTIVE", "FLAGGED");

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
		return member.has(StaffRole.REVIEWER) ? casework.queue(member.departmentId(), DEPARTMENT_QUEUE) : Flux.empty();
	}

	static boolean seesAllOpenCases(StaffMember member) {
		return member.has(StaffRole.WINDOW) || member.has(StaffRole.SUPERVISOR);
	}

	static boolean handlesCases(StaffMember member) {
		return seesAllOpenCases(member) || member.has(StaffRole.REVIEWER);
	}
}
