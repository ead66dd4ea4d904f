package cn.onething.casework.web.staff;

import java.util.function.BiFunction;

import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseChange;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.CaseFile;
import cn.onething.identity.StaffMember;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A reviewer's decision on a step, from the console or the API: only on their own department's steps. */
@Component
class StepDecisions {

	static final String REFUSAL_NEEDS_REASON = "请写明不予批准的理由，申请人会看到这段话";

	private final Casework casework;
	private final Departments departments;

	StepDecisions(Casework casework, Departments departments) {
		this.casework = casework;
		this.departments = departments;
	}

	/**
	 * The department check runs on the case as it is when the decision is saved, before the decision's input is even
	 * read: someone outside the department learns nothing from their input's problems.
	 */
	Mono<StoredCase> decide(String caseId, String stepId, StaffMember member,
			BiFunction<CaseFile, CaseContext, CaseChange> decision) {
		return casework.act(caseId, CaseAccess.actor(member, Actor.Kind.REVIEWER), file -> context -> {
			CaseAccess.requireDecides(member, file, stepId, departments);
			return decision.apply(file, context);
		});
	}
}
