package cn.onething.casework.web.staff;

import java.time.LocalDate;

import cn.onething.casework.model.CaseContext;
import cn.onething.identity.Identity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * 我的待办: a reviewer sees the cases their department reviews (待审查) or waits on for correction (待补正); the
 * window and supervisors see every open case. Overdue cases come first.
 */
@Controller
class QueuePage {

	private final StaffQueue queue;
	private final Identity identity;
	private final Departments departments;

	QueuePage(StaffQueue queue, Identity identity, Departments departments) {
		this.queue = queue;
		this.identity = identity;
		this.departments = departments;
	}

	@GetMapping({ "/staff", "/staff/" })
	Mono<Rendering> queue() {
		return identity.signedIn().flatMap(member -> {
			LocalDate today = LocalDate.now(CaseContext.CHINA);
			return queue.rows(member, today)
					.collectList()
					.map(rows -> Rendering.view("casework/staff/queue")
							.modelAttribute("member", member)
							.modelAttribute("memberDepartment", departments.name(member.departmentId()))
							.modelAttribute("seesAllOpenCases", StaffQueue.seesAllOpenCases(member))
							.modelAttribute("handlesCases", StaffQueue.handlesCases(member))
							.modelAttribute("rows", rows)
							.modelAttribute("today", today)
							.build());
		});
	}
}
