package cn.onething.casework.web.staff;

import java.util.List;

import cn.onething.casework.Casework;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.Flag;
import cn.onething.identity.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What only a supervisor may do: let a department ask for items the one-time notice did not list (行政许可法 §32:
 * the notice is told once, completely; an exception needs a reason and is audited).
 */
@Controller
class SupervisorActions {

	private final Casework casework;
	private final CaseActions actions;

	SupervisorActions(Casework casework, CaseActions actions) {
		this.casework = casework;
		this.actions = actions;
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/exception")
	Mono<Rendering> recordException(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("exception-" + step, data);
			return actions.perform(id, form, "exception", member -> {
				CaseAccess.requireRole(member, StaffRole.SUPERVISOR, "登记一次性告知以外的补正例外");
				return casework.act(id, CaseAccess.actor(member, Actor.Kind.SUPERVISOR), file -> context -> {
					List<Flag> flags = FlagForm.flags(form, file.terms());
					String reason = form.required("exceptionReason", "请写明登记例外的理由，将记入办理记录");
					form.check();
					return file.flagWithException(step, flags, reason, context);
				});
			});
		});
	}
}
