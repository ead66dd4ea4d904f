package cn.onething.document.pdf;

import java.util.ArrayList;
import java.util.List;

import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.SpecialProcedure;

/**
 * The extension and the special procedures of a case as rows of a printed sheet, each with its reason: the
 * applicant is told why the time limit moved (行政许可法 §42, §45).
 */
final class TimeLimitChanges {

	private TimeLimitChanges() {
	}

	static List<String[]> rows(CaseFile file, CaseSchedule schedule) {
		List<String[]> rows = new ArrayList<>();
		if (file.extensionReason() != null) {
			rows.add(new String[] { "延长期限", "经机关负责人批准延长 15 个工作日；理由：" + file.extensionReason() });
		}
		for (SpecialProcedure procedure : file.specialProcedures()) {
			String step = file.step(procedure.stepId()).map(s -> s.plan().name()).orElse(procedure.stepId());
			rows.add(new String[] { "中止计时", step + "：" + procedure.kind().label() + "，" + Typesetter.date(procedure.startedOn())
					+ (procedure.running() ? " 起，预计 " + Typesetter.date(procedure.expectedEndOn()) + " 结束"
							: " 至 " + Typesetter.date(procedure.endedOn()))
					+ "，不计时 " + schedule.suspendedWorkingDays(procedure) + " 个工作日；理由：" + procedure.reason() });
		}
		return rows;
	}
}
