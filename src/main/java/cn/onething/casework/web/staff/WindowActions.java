package cn.onething.casework.web.staff;

import java.time.LocalDate;

import cn.onething.casework.Casework;
import cn.onething.casework.model.Actor;
import cn.onething.casework.web.UploadParts;
import cn.onething.identity.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The window's part once a case waits for correction: 容缺受理 on a signed promise, and corrections brought to the hall. */
@Controller
class WindowActions {

	private final Casework casework;
	private final CaseActions actions;
	private final UploadParts uploadParts;

	WindowActions(Casework casework, CaseActions actions, UploadParts uploadParts) {
		this.casework = casework;
		this.actions = actions;
		this.uploadParts = uploadParts;
	}

	@PostMapping("/staff/cases/{id}/tolerant-acceptance")
	Mono<Rendering> acceptTolerantly(@PathVariable String id, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(data -> {
			ActionForm form = new ActionForm("tolerant", data);
			return actions.perform(id, form, "tolerant", member -> {
				CaseAccess.requireRole(member, StaffRole.WINDOW, "容缺受理");
				String signature = form.required("signature", "请写明申请人签署容缺受理承诺书的情况");
				LocalDate supplyBy = form.date("supplyBy", "请选择申请人承诺补齐材料的日期");
				form.check();
				return casework.act(id, CaseAccess.actor(member, Actor.Kind.WINDOW),
						file -> context -> file.acceptTolerantly(signature, supplyBy, context));
			});
		});
	}

	/** Files the applicant brought to the window, handed in for them as their correction. */
	@PostMapping("/staff/cases/{id}/correction")
	Mono<Rendering> collectCorrection(@PathVariable String id, ServerWebExchange exchange) {
		ActionForm form = new ActionForm("correction", new LinkedMultiValueMap<>());
		// read within the action, so files over the upload limits are refused on the case page like any other problem
		return actions.perform(id, form, "correction", member -> {
			CaseAccess.requireRole(member, StaffRole.WINDOW, "代收补正材料");
			return uploadParts.uploads(exchange).flatMap(uploads -> {
				if (uploads.isEmpty()) {
					form.problem("material", "请至少选择一个补正文件");
				}
				form.check();
				return casework.submitCorrection(id, uploads, CaseAccess.actor(member, Actor.Kind.WINDOW));
			});
		});
	}
}
