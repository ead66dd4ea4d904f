package cn.onething.notification.web;

import java.util.UUID;

import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.notification.internal.PushTroubles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 推送异常: the pushes that did not reach applicants, for the hall staff who then tell them another way (the
 * window, a call), and a supervisor's retry once the cause is fixed (the applicant followed the account again, the
 * template id was corrected). Behind the staff console's sign-in and CSRF protection.
 */
@Controller
class PushConsole {

	private final Identity identity;
	private final PushTroubles troubles;

	PushConsole(Identity identity, PushTroubles troubles) {
		this.identity = identity;
		this.troubles = troubles;
	}

	@GetMapping("/staff/notifications")
	Mono<Rendering> list(@RequestParam(name = "done", required = false) String done) {
		return identity.signedIn().map(PushConsole::requireHallStaff)
				.flatMap(member -> Mono.zip(troubles.dead(), troubles.undelivered().collectList(), troubles.uncertain().collectList())
						.map(lists -> Rendering.view("notification/staff/pushes")
								.modelAttribute("member", member)
								.modelAttribute("memberDepartment", member.departmentId() == null ? "政务服务中心" : member.departmentId())
								.modelAttribute("mayRetry", member.has(StaffRole.SUPERVISOR))
								.modelAttribute("dead", lists.getT1())
								.modelAttribute("undelivered", lists.getT2())
								.modelAttribute("uncertain", lists.getT3())
								.modelAttribute("done", done == null ? "" : done)
								.build()));
	}

	@PostMapping("/staff/notifications/retry")
	Mono<Rendering> retry(ServerWebExchange exchange) {
		return identity.signedIn().flatMap(member -> {
			if (!member.has(StaffRole.SUPERVISOR)) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有主管岗位可以重新推送");
			}
			return exchange.getFormData();
		}).flatMap(form -> troubles.retry(messageId(form.getFirst("message"))))
				.map(retried -> Rendering.redirectTo("/staff/notifications?done=" + (retried ? "retried" : "gone")).build());
	}

	/** The window and supervisors speak to applicants; reviewers of a department do not. */
	private static StaffMember requireHallStaff(StaffMember member) {
		if (!member.has(StaffRole.WINDOW) && !member.has(StaffRole.SUPERVISOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "推送异常由一窗受理和主管岗位处理");
		}
		return member;
	}

	private static UUID messageId(String value) {
		try {
			return UUID.fromString(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "message: 不是推送的编号");
		}
	}
}
