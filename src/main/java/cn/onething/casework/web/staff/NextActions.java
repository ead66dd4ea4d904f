package cn.onething.casework.web.staff;

import java.util.List;

import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;

/**
 * What the signed-in member can do on the case now, by role: a reviewer decides their department's steps under
 * review; a supervisor records exceptions to the one-time notice and extends the deadline once; the window accepts
 * tolerantly and hands in corrections brought to the hall.
 *
 * @param decide steps the member decides (通过 / 不予批准 / 需补正)
 * @param preReview waiting steps of the member's department that may pre-review (部门预审) before the notice
 * @param exceptionSteps steps under review a supervisor may add items to (登记例外)
 * @param correctionKeys materials of the latest notice the window may hand in (代收补正材料)
 * @param refuseToAccept whether the member may turn the application away (不予受理)
 */
record NextActions(List<CaseStep> decide, List<CaseStep> preReview, List<CaseStep> exceptionSteps, boolean extend,
		boolean acceptTolerantly, List<String> correctionKeys, boolean refuseToAccept) {

	static NextActions of(StaffMember member, CaseFile file) {
		boolean supervisor = member.has(StaffRole.SUPERVISOR);
		boolean window = member.has(StaffRole.WINDOW);
		boolean awaitingCorrection = file.status() == CaseStatus.AWAITING_CORRECTION;
		return new NextActions(
				CaseAccess.stepsToDecide(member, file),
				CaseAccess.stepsToPreReview(member, file),
				supervisor ? file.steps().stream().filter(step -> step.state() == StepState.ACTIVE).toList() : List.of(),
				supervisor && file.acceptance() != null && file.completion() == null && file.extensionReason() == null,
				window && awaitingCorrection && file.acceptance() == null,
				window && awaitingCorrection
						? file.latestNotice().orElseThrow().items().stream().map(Flag::materialKey).distinct().toList()
						: List.of(),
				CaseAccess.mayRefuseToAccept(member, file));
	}

	public boolean any() {
		return !decide.isEmpty() || !preReview.isEmpty() || !exceptionSteps.isEmpty() || extend || acceptTolerantly
				|| !correctionKeys.isEmpty() || refuseToAccept;
	}
}
