package cn.onething.casework.web.staff;

import java.util.List;

import cn.onething.casework.model.Flag;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A department's decisions on its step: 通过, 不予批准, 需补正, and 部门预审 while its step still waits. */
@Controller
class ReviewerActions {

	private final StepDecisions decisions;
	private final CaseActions actions;

	ReviewerActions(StepDecisions decisions, CaseActions actions) {
		this.decisions = decisions;
		this.actions = actions;
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/approve")
	Mono<Rendering> approve(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("approve-" + step, data);
			String note = form.text("note");
			return actions.perform(id, form, "approved", member -> decisions.decide(id, step, member,
					(file, context) -> file.approve(step, note.isEmpty() ? null : note, context)));
		});
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/refuse")
	Mono<Rendering> refuse(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("refuse-" + step, data);
			return actions.perform(id, form, "refused", member -> decisions.decide(id, step, member, (file, context) -> {
				String reason = form.required("reason", StepDecisions.REFUSAL_NEEDS_REASON);
				form.check();
				return file.refuse(step, reason, context);
			}));
		});
	}

	/** {@code outcome=clear} records that the materials are in order; otherwise the ticked materials are flagged. */
	@PostMapping("/staff/cases/{id}/steps/{step}/pre-review")
	Mono<Rendering> preReview(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("prereview-" + step, data);
			boolean clear = "clear".equals(form.text("outcome"));
			return actions.perform(id, form, "prereviewed", member -> decisions.decide(id, step, member, (file, context) -> {
				List<Flag> flags = clear ? List.of() : FlagForm.flags(form, file.terms());
				form.check();
				return file.preReview(step, flags, context);
			}));
		});
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/flag")
	Mono<Rendering> flag(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("flag-" + step, data);
			return actions.perform(id, form, "flagged", member -> decisions.decide(id, step, member, (file, context) -> {
				List<Flag> flags = FlagForm.flags(form, file.terms());
				form.check();
				return file.flag(step, flags, context);
			}));
		});
	}
}
