package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.util.List;

import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseContext;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 我的待办: a reviewer sees the cases their department reviews (待审查) or waits on for correction (待补正); the
 * window and supervisors see every open case. Overdue cases come first.
 */
@Controller
class QueuePage {

	/** The steps a department has work on or waits on. */
	private static final List<String> DEPARTMENT_QUEUE = List.of("ACTIVE", "FLAGGED");

	private final Casework casework;
	private final Identity identity;
	private final Departments departments;

	QueuePage(Casework casework, Identity identity, Departments departments) {
		this.casework = casework;
		this.identity = identity;
		this.departments = departments;
	}

	@GetMapping({ "/staff", "/staff/" })
	Mono<Rendering> queue() {
		return identity.signedIn().flatMap(member -> {
			LocalDate today = LocalDate.now(CaseContext.CHINA);
			return cases(member)
					.map(stored -> QueueRow.of(stored, member, today, casework.calendar()))
					.sort(QueueRow.MOST_URGENT_FIRST)
					.collectList()
					.map(rows -> Rendering.view("casework/staff/queue")
							.modelAttribute("member", member)
							.modelAttribute("memberDepartment", departments.name(member.departmentId()))
							.modelAttribute("seesAllOpenCases", seesAllOpenCases(member))
							.modelAttribute("handlesCases", handlesCases(member))
							.modelAttribute("rows", rows)
							.modelAttribute("today", today)
							.build());
		});
	}

	private Flux<StoredCase> cases(StaffMember member) {
		if (seesAllOpenCases(member)) {
			return casework.openCases();
		}
		return member.has(StaffRole.REVIEWER) ? casework.queue(member.departmentId(), DEPARTMENT_QUEUE) : Flux.empty();
	}

	private static boolean seesAllOpenCases(StaffMember member) {
		return member.has(StaffRole.WINDOW) || member.has(StaffRole.SUPERVISOR);
	}

	private static boolean handlesCases(StaffMember member) {
		return seesAllOpenCases(member) || member.has(StaffRole.REVIEWER);
	}
}
