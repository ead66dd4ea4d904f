package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules for recording special procedures (行政许可法 §45) on a case: only on a step under review of an accepted
 * case, one at a time per step, never before the step's clock started nor in the future, and ended only while it
 * runs (docs/legal.md §3.4).
 */
final class SpecialProcedures {

	private SpecialProcedures() {
	}

	static SpecialProcedure start(CaseFile file, String stepId, SpecialProcedure.Kind kind, String reason,
			LocalDate startedOn, LocalDate expectedEndOn, CaseContext context) {
		CaseStep step = stepUnderReview(file, stepId);
		if (kind == null || reason == null || reason.isBlank()) {
			throw new CaseRuleViolation("请选择中止计时的程序（听证、检验检测、专家评审、现场勘验、公示）并写明理由，将告知申请人");
		}
		if (startedOn == null || expectedEndOn == null) {
			throw new CaseRuleViolation("请填写开始日期和预计结束日期");
		}
		if (expectedEndOn.isBefore(startedOn)) {
			throw new CaseRuleViolation("预计结束日期（" + expectedEndOn + "）不能早于开始日期（" + startedOn + "）");
		}
		if (startedOn.isAfter(context.today())) {
			throw new CaseRuleViolation("开始日期不能晚于今天；程序开始之日再登记");
		}
		LocalDate clockStart = CaseSchedule.stepClockStart(file, step);
		if (startedOn.isBefore(clockStart)) {
			throw new CaseRuleViolation("开始日期不能早于“" + step.plan().name() + "”开始计时之日（" + clockStart + "）");
		}
		running(file, stepId).ifPresent(other -> {
			throw new CaseRuleViolation("“" + step.plan().name() + "”的" + other.kind().label() + "尚未结束，请先登记结束");
		});
		return new SpecialProcedure(file.specialProcedures().size() + 1, stepId, kind, reason.strip(), startedOn,
				expectedEndOn, null, context.actor(), null);
	}

	static SpecialProcedure end(CaseFile file, String stepId, CaseContext context) {
		CaseStep step = file.step(stepId).orElseThrow(() -> new CaseRuleViolation("本件没有“" + stepId + "”这个审批环节"));
		SpecialProcedure procedure = running(file, stepId)
				.orElseThrow(() -> new CaseRuleViolation("“" + step.plan().name() + "”没有正在进行的中止计时程序，无需登记结束"));
		return procedure.endedOn(context.today(), context.actor());
	}

	/** A step is decided only after its procedure's end is recorded: the applicant is told when the clock ran again. */
	static void requireNoneRunning(CaseFile file, String stepId) {
		running(file, stepId).ifPresent(procedure -> {
			throw new CaseRuleViolation("“" + file.step(stepId).map(s -> s.plan().name()).orElse(stepId) + "”的"
					+ procedure.kind().label() + "尚未登记结束，请先登记结束再作出决定");
		});
	}

	static Optional<SpecialProcedure> running(CaseFile file, String stepId) {
		return file.specialProcedures().stream().filter(p -> p.stepId().equals(stepId) && p.running()).findFirst();
	}

	private static CaseStep stepUnderReview(CaseFile file, String stepId) {
		if (file.completion() != null) {
			throw new CaseRuleViolation("本件已办结，不能中止计时");
		}
		CaseStep step = file.step(stepId).orElseThrow(() -> new CaseRuleViolation("本件没有“" + stepId + "”这个审批环节"));
		if (file.acceptance() == null) {
			throw new CaseRuleViolation("本件尚未受理，办理时限还没有开始计算，不需要中止计时");
		}
		if (step.state() != StepState.ACTIVE) {
			throw new CaseRuleViolation("“" + step.plan().name() + "”当前" + step.state().label() + "，不能中止计时");
		}
		return step;
	}
}
