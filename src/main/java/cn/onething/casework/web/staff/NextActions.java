package cn.onething.casework.web.staff;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;

/**
 * What the signed-in member can do on the case now, by role: a reviewer decides their department's steps under
 * review and records their special procedures (§45) once the case is accepted; a supervisor records exceptions to
 * the one-time notice; the head extends the deadline once; the window accepts tolerantly and hands in corrections
 * brought to the hall.
 *
 * @param decide steps the member decides (通过 / 不予批准 / 需补正)
 * @param procedures of the steps the member decides, those whose clock may stop now: the case is accepted
 * @param running step id → its special procedure under way, to be ended before anything else
 * @param preReview waiting steps of the member's department that may pre-review (部门预审) before the notice
 * @param exceptionSteps steps under review a supervisor may add items to (登记例外)
 * @param correctionKeys materials of the latest notice the window may hand in (代收补正材料)
 * @param refuseToAccept whether the member may turn the application away (不予受理)
 */
record NextActions(List<CaseStep> decide, List<CaseStep> procedures, Map<String, SpecialProcedure> running,
		List<CaseStep> preReview, List<CaseStep> exceptionSteps, boolean extend, boolean acceptTolerantly,
		List<String> correctionKeys, boolean refuseToAccept) {

	static NextActions of(StaffMember member, CaseFile file) {
		boolean supervisor = member.has(StaffRole.SUPERVISOR);
		boolean window = member.has(StaffRole.WINDOW);
		boolean awaitingCorrection = file.status() == CaseStatus.AWAITING_CORRECTION;
		List<CaseStep> decide = CaseAccess.stepsToDecide(member, file);
		return new NextActions(
				decide,
				file.acceptance() != null ? decide : List.of(),
				file.specialProcedures().stream().filter(SpecialProcedure::running)
						.collect(Collectors.toMap(SpecialProcedure::stepId, procedure -> procedure)),
				CaseAccess.stepsToPreReview(member, file),
				supervisor ? file.steps().stream().filter(step -> step.state() == StepState.ACTIVE).toList() : List.of(),
				member.has(StaffRole.HEAD) && file.acceptance() != null && file.completion() == null && file.extensionReason() == null,
				window && awaitingCorrection && file.acceptance() == null,
				window && awaitingCorrection
						? file.latestNotice().orElseThrow().items().stream().map(Flag::materialKey).distinct().toList()
						: List.of(),
				CaseAccess.mayRefuseToAccept(member, file));
	}

	public boolean any() {
		return !decide.isEmpty() || !procedures.isEmpty() || !preReview.isEmpty() || !exceptionSteps.isEmpty() || extend
				|| acceptTolerantly || !correctionKeys.isEmpty() || refuseToAccept;
	}
}
