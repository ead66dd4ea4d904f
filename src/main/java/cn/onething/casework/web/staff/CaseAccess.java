package cn.onething.casework.web.staff;

import java.util.List;

import cn.onething.casework.Applicant;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;

/**
 * Who may see and do what on a case. Personal data is for the people handling the case: the window, supervisors and
 * reviewers of a department with a step in it; everyone else sees it masked, without the phone digits that open the
 * applicant's progress page. A reviewer decides only the steps of
 * their own department.
 */
final class CaseAccess {

	private CaseAccess() {
	}

	/**
	 * The hall's window and supervisors handle every case filed at the hall (intake, corrections, collection;
	 * extensions, exceptions and the applicant's complaints) and call the applicant for it; a department's reviewers
	 * handle the cases with a step of their department.
	 */
	static boolean seesPersonalData(StaffMember member, CaseFile file) {
		return member.has(StaffRole.WINDOW) || member.has(StaffRole.SUPERVISOR)
				|| file.steps().stream().anyMatch(step -> member.reviewsFor(step.plan().departmentId()));
	}

	/** The applicant as this member may see them: whole for those handling the case, hardly at all for others. */
	static Applicant applicantFor(StaffMember member, StoredCase stored) {
		return seesPersonalData(member, stored.file()) ? stored.applicant() : stored.applicant().maskedForOthers();
	}

	/** The steps this member decides now: their department's, under review. */
	static List<CaseStep> stepsToDecide(StaffMember member, CaseFile file) {
		return file.steps().stream()
				.filter(step -> step.state() == StepState.ACTIVE && member.reviewsFor(step.plan().departmentId()))
				.toList();
	}

	/** The waiting steps of this member's department that may pre-review now (部门预审, docs/legal.md §3.5). */
	static List<CaseStep> stepsToPreReview(StaffMember member, CaseFile file) {
		return file.awaitingPreReview().stream().filter(step -> member.reviewsFor(step.plan().departmentId())).toList();
	}

	/**
	 * 不予受理 is for the window that took the application, a supervisor, or a department of the bundle finding the
	 * matter outside its competence; the actor is recorded in the role they act in.
	 */
	static Actor nonAcceptanceActor(StaffMember member, CaseFile file) {
		if (member.has(StaffRole.WINDOW)) {
			return actor(member, Actor.Kind.WINDOW);
		}
		if (member.has(StaffRole.SUPERVISOR)) {
			return actor(member, Actor.Kind.SUPERVISOR);
		}
		if (file.steps().stream().anyMatch(step -> member.reviewsFor(step.plan().departmentId()))) {
			return actor(member, Actor.Kind.REVIEWER);
		}
		throw new NotPermitted("只有窗口、主管或本件的审查部门可以作出不予受理决定");
	}

	/** Whether the console offers 不予受理: before acceptance and before any step is decided (the model decides finally). */
	static boolean mayRefuseToAccept(StaffMember member, CaseFile file) {
		boolean handles = member.has(StaffRole.WINDOW) || member.has(StaffRole.SUPERVISOR)
				|| file.steps().stream().anyMatch(step -> member.reviewsFor(step.plan().departmentId()));
		return handles && file.acceptance() == null && file.completion() == null
				&& file.steps().stream().noneMatch(step -> step.state() == StepState.APPROVED || step.state() == StepState.REFUSED);
	}

	/** Checked against the case as it is when the decision is saved, not as the page showed it. */
	static void requireDecides(StaffMember member, CaseFile file, String stepId, Departments departments) {
		CaseStep step = file.step(stepId).orElseThrow(() -> new NotPermitted("本件没有这个审批环节"));
		if (!member.reviewsFor(step.plan().departmentId())) {
			throw new NotPermitted("“" + step.plan().name() + "”由" + departments.name(step.plan().departmentId())
					+ "审查，您不能对这个环节作出决定");
		}
	}

	static void requireRole(StaffMember member, StaffRole role, String what) {
		if (!member.has(role)) {
			throw new NotPermitted("只有" + role.label() + "岗位可以" + what);
		}
	}

	/** The member as the audit trail records them, acting in one of their roles. */
	static Actor actor(StaffMember member, Actor.Kind kind) {
		return new Actor(kind, member.username(), member.displayName());
	}

	/** An action this member's roles do not allow; the page says why, with 403. */
	static final class NotPermitted extends RuntimeException {
		NotPermitted(String message) {
			super(message, null, false, false);
		}
	}
}
