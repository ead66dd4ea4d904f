package cn.onething.casework.web.staff;

import java.time.LocalDate;

import cn.onething.casework.model.SpecialProcedure;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A step's reviewer records a special procedure of 行政许可法 §45 (听证、检验检测、专家评审、现场勘验、公示) that
 * stops the step's clock, and the act that ends it (docs/legal.md §3.4). Only the step's own department may.
 */
@Controller
class ProcedureActions {

	private final StepDecisions decisions;
	private final CaseActions actions;

	ProcedureActions(StepDecisions decisions, CaseActions actions) {
		this.decisions = decisions;
		this.actions = actions;
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/procedures")
	Mono<Rendering> start(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("procedure-" + step, data);
			return actions.perform(id, form, "suspended", member -> decisions.decide(id, step, member, (file, context) -> {
				SpecialProcedure.Kind kind = kind(form);
				String reason = form.required("reason", "请写明中止计时的理由，将告知申请人");
				LocalDate from = form.date("from", "请填写开始日期");
				LocalDate until = form.date("until", "请填写预计结束日期");
				form.check();
				return file.startSpecialProcedure(step, kind, reason, from, until, context);
			}));
		});
	}

	@PostMapping("/staff/cases/{id}/steps/{step}/procedures/end")
	Mono<Rendering> end(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("procedure-end-" + step, data);
			return actions.perform(id, form, "resumed", member -> decisions.decide(id, step, member,
					(file, context) -> file.endSpecialProcedure(step, context)));
		});
	}

	private static SpecialProcedure.Kind kind(ActionForm form) {
		return SpecialProcedure.Kind.named(form.text("kind")).orElseGet(() -> {
			form.problem("kind", "请选择程序：听证、检验检测、专家评审、现场勘验或公示");
			return null;
		});
	}
}
