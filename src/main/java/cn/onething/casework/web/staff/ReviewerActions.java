package cn.onething.casework.web.staff;

import java.util.List;
import java.util.function.BiFunction;

import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseChange;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.Flag;
import cn.onething.identity.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A department's decisions on its step: 通过, 不予批准, 需补正. */
@Controller
class ReviewerActions {

	private final Casework casework;
	private final CaseActions actions;
	private final Departments departments;

	ReviewerActions(Casework casework, CaseActions actions, Departments departments) {
		this.casework = casework;
		this.actions = actions;
		this.departments = departments;
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/approve")
	Mono<Rendering> approve(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("approve-" + step, data);
			String note = form.text("note");
			return actions.perform(id, form, "approved", member -> decide(id, step, member,
					(file, context) -> file.approve(step, note.isEmpty() ? null : note, context)));
		});
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/refuse")
	Mono<Rendering> refuse(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("refuse-" + step, data);
			return actions.perform(id, form, "refused", member -> decide(id, step, member, (file, context) -> {
				String reason = form.required("reason", "请写明不予批准的理由，申请人会看到这段话");
				form.check();
				return file.refuse(step, reason, context);
			}));
		});
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/flag")
	Mono<Rendering> flag(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("flag-" + step, data);
			return actions.perform(id, form, "flagged", member -> decide(id, step, member, (file, context) -> {
				List<Flag> flags = FlagForm.flags(form, file.terms());
				form.check();
				return file.flag(step, flags, context);
			}));
		});
	}

	/** The department check runs on the case as it is when the decision is saved, before the form is even read. */
	private Mono<StoredCase> decide(String id, String step, StaffMember member,
			BiFunction<CaseFile, CaseContext, CaseChange> decision) {
		return casework.act(id, CaseAccess.actor(member, Actor.Kind.REVIEWER), file -> context -> {
			CaseAccess.requireDecides(member, file, step, departments);
			return decision.apply(file, context);
		});
	}
}
