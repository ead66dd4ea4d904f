package cn.onething.casework.web.staff;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.casework.internal.CaseStore;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.NonAcceptance;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.casework.model.StepState;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail in words: who did what to the case, and when (China time). */
@Component
class AuditLines {

	/** One line of the trail as the page shows it. */
	record AuditLine(String at, String actor, String what) {
	}

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JsonMapper json;
	private final Departments departments;

	AuditLines(JsonMapper json, Departments departments) {
		this.json = json;
		this.departments = departments;
	}

	AuditLine line(CaseStore.AuditEntry entry, CaseFile file) {
		String what = event(entry).map(event -> describe(event, file)).orElse(entry.kind());
		return new AuditLine(MINUTE.format(entry.at().atZoneSameInstant(CaseContext.CHINA)), entry.actorName(), what);
	}

	/** The stored payload read back as the event it was; an event of a newer version shows by its kind only. */
	private Optional<CaseEvent> event(CaseStore.AuditEntry entry) {
		return CaseEvent.typeOf(entry.kind())
				.flatMap(type -> {
					try {
						return Optional.of(json.readValue(entry.payload(), type));
					}
					catch (JacksonException e) {
						return Optional.empty();
					}
				});
	}

	private String describe(CaseEvent event, CaseFile file) {
		if (event instanceof CaseEvent.ApplicationSubmitted submitted) {
			return "收件，回执编号 " + submitted.receiptCode();
		}
		if (event instanceof CaseEvent.StepActivated activated) {
			return step(file, activated.stepId()) + "开始审查（" + departments.name(activated.departmentId()) + "）";
		}
		if (event instanceof CaseEvent.MaterialsFlagged flagged) {
			return step(file, flagged.stepId()) + "要求补正：" + items(flagged.flags());
		}
		if (event instanceof CaseEvent.MaterialsPreReviewed preReviewed) {
			return step(file, preReviewed.stepId()) + "预审" + (preReviewed.flags().isEmpty() ? "无误" : "，要求补正：" + items(preReviewed.flags()));
		}
		if (event instanceof CaseEvent.ExceptionRecorded exception) {
			return "主管为" + step(file, exception.stepId()) + "登记例外，新增补正：" + items(exception.newItems())
					+ "；理由：" + exception.reason();
		}
		if (event instanceof CaseEvent.NoticeIssued issued) {
			OneTimeNotice notice = issued.notice();
			return "发出第 " + notice.version() + " 号一次性告知，共 " + notice.items().size() + " 项，限 " + notice.correctBy()
					+ " 前补正" + (notice.trigger().label().isEmpty() ? "" : "（" + notice.trigger().label() + "）");
		}
		if (event instanceof CaseEvent.CorrectionSubmitted corrected) {
			return "提交补正材料（第 " + corrected.noticeVersion() + " 号一次性告知）";
		}
		if (event instanceof CaseEvent.ApplicationAccepted accepted) {
			return "受理：" + accepted.acceptance().basis().label() + "，受理日期 " + accepted.acceptance().effectiveOn();
		}
		if (event instanceof CaseEvent.StepDecided decided) {
			return step(file, decided.stepId()) + (decided.outcome() == StepState.APPROVED ? "审查通过"
					: decided.outcome().label() + (decided.reason() == null ? "" : "：" + decided.reason()));
		}
		if (event instanceof CaseEvent.StepsSkipped skipped) {
			return "终止环节 " + skipped.stepIds().stream().map(id -> step(file, id)).collect(Collectors.joining("、"))
					+ "：" + skipped.reason();
		}
		if (event instanceof CaseEvent.DeadlineExtended extended) {
			return "经机关负责人批准延长办理期限 15 个工作日；理由：" + extended.reason();
		}
		if (event instanceof CaseEvent.SpecialProcedureStarted started) {
			SpecialProcedure procedure = started.procedure();
			return step(file, procedure.stepId()) + procedure.kind().label() + "，中止计时，自 " + procedure.startedOn()
					+ " 起，预计 " + procedure.expectedEndOn() + " 结束；理由：" + procedure.reason();
		}
		if (event instanceof CaseEvent.SpecialProcedureEnded ended) {
			SpecialProcedure procedure = ended.procedure();
			return step(file, procedure.stepId()) + procedure.kind().label() + "结束（" + procedure.startedOn() + " 至 "
					+ procedure.endedOn() + "），中止计时 " + ended.workingDays() + " 个工作日";
		}
		if (event instanceof CaseEvent.CorrectionDeadlineNear near) {
			return "补正期限 " + near.correctBy() + " 临近，已提醒";
		}
		if (event instanceof CaseEvent.ApplicationCompleted completed) {
			NonAcceptance notAccepted = completed.completion().nonAcceptance();
			return "办结：" + completed.completion().result().label() + (notAccepted == null ? ""
					: "；理由：" + notAccepted.reason() + (notAccepted.referTo() == null ? "" : "；告知向" + notAccepted.referTo() + "申请"));
		}
		return event.kind();
	}

	private static String step(CaseFile file, String stepId) {
		return "“" + file.step(stepId).map(s -> s.plan().name()).orElse(stepId) + "”";
	}

	private static String items(List<Flag> flags) {
		return flags.stream().map(f -> f.materialName() + "（" + f.problem().label() + "：" + f.reason() + "）")
				.collect(Collectors.joining("；"));
	}
}
