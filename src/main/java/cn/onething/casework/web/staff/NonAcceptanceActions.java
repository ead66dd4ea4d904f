package cn.onething.casework.web.staff;

import cn.onething.casework.Casework;
import cn.onething.casework.model.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 不予受理 (行政许可法 §32): the window, a supervisor or a department of the bundle turns the application away before
 * acceptance, with the reason the applicant reads and, when another authority is competent, where to apply instead.
 */
@Controller
class NonAcceptanceActions {

	static final String NEEDS_REASON = "请写明不予受理的理由，申请人会在不予受理通知书中看到";

	private final Casework casework;
	private final CaseActions actions;

	NonAcceptanceActions(Casework casework, CaseActions actions) {
		this.casework = casework;
		this.actions = actions;
	}

	@PostMapping("/staff/cases/{id}/non-acceptance")
	Mono<Rendering> refuseToAccept(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("nonacceptance", data);
			return actions.perform(id, form, "notaccepted", member -> casework.byId(id).flatMap(seen -> {
				// who may is checked before the input is read: an outsider learns nothing from its problems
				Actor actor = CaseAccess.nonAcceptanceActor(member, seen.file());
				String reason = form.required("reason", NEEDS_REASON);
				String referTo = form.text("referTo");
				form.check();
				return casework.act(id, actor, file -> context -> file.refuseToAccept(reason, referTo, context));
			}));
		});
	}
}
