package cn.onething.casework.web.staff;

import java.time.LocalDate;

import cn.onething.casework.Casework;
import cn.onething.identity.Identity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
	private final Casework casework;

	QueuePage(StaffQueue queue, Identity identity, Departments departments, Casework casework) {
		this.queue = queue;
		this.identity = identity;
		this.departments = departments;
		this.casework = casework;
	}

	@GetMapping({ "/staff", "/staff/" })
	Mono<Rendering> queue() {
		return page(null);
	}

	/**
	 * Finds a case by the receipt code the applicant shows at the window, open or completed: a completed case is in
	 * nobody's queue, and an applicant coming back to collect the result or ask about it brings only the code.
	 */
	@GetMapping("/staff/find")
	Mono<Rendering> find(@RequestParam(name = "receipt", defaultValue = "") String receipt) {
		String code = receipt.strip();
		return identity.signedIn()
				.flatMap(member -> casework.byReceiptCode(code))
				.map(found -> Rendering.redirectTo("/staff/cases/" + found.file().id()).build())
				.switchIfEmpty(Mono.defer(() -> page("没有回执编号为“" + code + "”的案件，请核对后重新输入")));
	}

	private Mono<Rendering> page(String notFound) {
		return identity.signedIn().flatMap(member -> {
			LocalDate today = casework.today();
			return queue.rows(member, today)
					.collectList()
					.map(rows -> Rendering.view("casework/staff/queue")
							.modelAttribute("member", member)
							.modelAttribute("memberDepartment", departments.name(member.departmentId()))
							.modelAttribute("seesAllOpenCases", StaffQueue.seesAllOpenCases(member))
							.modelAttribute("handlesCases", StaffQueue.handlesCases(member))
							.modelAttribute("rows", rows)
							.modelAttribute("today", today)
							.modelAttribute("notFound", notFound)
							.status(notFound == null ? HttpStatus.OK : HttpStatus.NOT_FOUND)
							.build());
		});
	}
}
