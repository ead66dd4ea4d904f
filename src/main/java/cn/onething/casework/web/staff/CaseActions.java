package cn.onething.casework.web.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.model.CaseRuleViolation;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.casework.web.UploadRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * Runs an action of the case page the same way for every form: saved → redirect back to the case with a message
 * (POST-redirect-GET, so a reload never repeats it); refused → the case page again, with why next to the form and
 * what was typed kept: 422 for input or a rule of the case, 403 for an action the member's role does not allow.
 */
@Component
class CaseActions {

	private record Refusal(FormFeedback feedback, HttpStatus status) {
	}

	private final Identity identity;
	private final CaseSheet sheet;

	CaseActions(Identity identity, CaseSheet sheet) {
		this.identity = identity;
		this.sheet = sheet;
	}

	Mono<Rendering> perform(String caseId, ActionForm form, String done, Function<StaffMember, Mono<?>> action) {
		return identity.signedIn().flatMap(member -> sheet.load(caseId)
				.then(Mono.defer(() -> action.apply(member)))
				.thenReturn(Rendering.redirectTo("/staff/cases/" + caseId + "?done=" + done).build())
				.onErrorResume(error -> refusal(error, form)
						.map(refusal -> sheet.load(caseId).flatMap(fresh -> sheet.render(fresh, member, refusal.feedback(), refusal.status())))
						.orElseGet(() -> Mono.error(error))));
	}

	private static Optional<Refusal> refusal(Throwable error, ActionForm form) {
		if (error instanceof ActionForm.FormProblems problems) {
			return Optional.of(new Refusal(problems.feedback(), HttpStatus.UNPROCESSABLE_CONTENT));
		}
		if (error instanceof CaseRuleViolation violation) {
			return Optional.of(new Refusal(FormFeedback.refused(form.id(), violation.getMessage(), form.values()),
					HttpStatus.UNPROCESSABLE_CONTENT));
		}
		if (error instanceof CaseInputRejected rejected) {
			// upload problems come keyed material.<key>, the name of the file field in the form
			Map<String, String> problems = new LinkedHashMap<>();
			rejected.problems().forEach((field, message) -> problems.put(form.id() + "." + field, message));
			return Optional.of(new Refusal(new FormFeedback(problems, form.values(), null), HttpStatus.UNPROCESSABLE_CONTENT));
		}
		if (error instanceof UploadRefused refused) {
			return Optional.of(new Refusal(FormFeedback.refused(form.id(), refused.message(), form.values()),
					HttpStatus.valueOf(refused.getStatusCode().value())));
		}
		if (error instanceof CaseAccess.NotPermitted notPermitted) {
			return Optional.of(new Refusal(FormFeedback.refused(form.id(), notPermitted.getMessage(), form.values()),
					HttpStatus.FORBIDDEN));
		}
		return Optional.empty();
	}
}
