package cn.onething.casework.web.staff;

import cn.onething.casework.Casework;
import cn.onething.casework.model.Actor;
import cn.onething.identity.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What only the authority's head (机关负责人) may do: extend a case's time limit once by 15 working days, with a
 * reason the applicant is told (行政许可法 §42; docs/legal.md §3.3).
 */
@Controller
class HeadActions {

	private final Casework casework;
	private final CaseActions actions;

	HeadActions(Casework casework, CaseActions actions) {
		this.casework = casework;
		this.actions = actions;
	}

	@PostMapping("/staff/cases/{id}/extension")
	Mono<Rendering> extend(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("extension", data);
			return actions.perform(id, form, "extended", member -> {
				CaseAccess.requireRole(member, StaffRole.HEAD, "批准延长办理期限");
				String reason = form.required("reason", "请写明延长期限的理由，将告知申请人");
				form.check();
				return casework.act(id, CaseAccess.actor(member, Actor.Kind.HEAD),
						file -> context -> file.extendDeadline(reason, context));
			});
		});
	}
}
