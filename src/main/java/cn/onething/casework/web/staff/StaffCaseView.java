package cn.onething.casework.web.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.StoredCase;
import cn.onething.casework.internal.CaseStore;
import cn.onething.casework.model.Acceptance;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.Completion;
import cn.onething.casework.model.OneTimeNotice;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.identity.StaffMember;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A case as the staff API shows it to one member: what the console's case page shows, with personal data, the form's
 * answers and the files only for those who handle the case.
 */
@Schema(description = "A case as the signed-in staff member may see it")
record StaffCaseView(
		String caseId,
		String receiptCode,
		String bundleId,
		String bundleName,
		int bundleVersion,
		@Schema(description = "REVIEWING, AWAITING_CORRECTION or COMPLETED") String status,
		String statusLabel,
		LocalDate receivedOn,
		@Schema(description = "Whether applicant, form and materials are shown unmasked: for the window, supervisors and "
				+ "reviewers of a department with a step in the case") boolean personalData,
		@Schema(description = "The applicant; without personalData masked as 张**, 451***************, 138******** "
				+ "(never the phone's last four digits, which open the applicant's progress page)") Applicant applicant,
		@Schema(description = "The form's answers by field key; empty without personalData") Map<String, String> form,
		CaseClocks clocks,
		@Schema(description = "预计办结日期 by the calendar (see the applications API); null while the applicant is correcting")
		LocalDate expectedCompletionOn,
		@Schema(description = "Special procedures (行政许可法 §45) recorded on the case's steps, oldest first")
		List<SpecialProcedure> specialProcedures,
		List<StepView> steps,
		@Schema(description = "One-time notices, oldest first; the last one is current while the case awaits correction")
		List<OneTimeNotice> notices,
		Acceptance acceptance,
		Completion completion,
		@Schema(description = "Material files (without content); empty without personalData") List<CaseStore.MaterialEntry> materials,
		@Schema(description = "The steps this member may decide now (approve, refuse, flags)") List<String> stepsToDecide,
		@Schema(description = "Waiting steps of this member's department that may pre-review the materials before the "
				+ "one-time notice (部门预审)") List<String> stepsToPreReview) {

	/**
	 * @param state WAITING, ACTIVE, FLAGGED, APPROVED, REFUSED or SKIPPED
	 */
	record StepView(String id, String name, String departmentId, String department, String state, String stateLabel,
			List<String> dependsOn, String reason, String resultNote, String decidedBy, Instant decidedAt,
			@Schema(description = "An open step's due date by its own limit under the case's; null when decided") LocalDate dueOn) {

		static StepView of(CaseStep step, Departments departments, CaseSchedule schedule) {
			return new StepView(step.id(), step.plan().name(), step.plan().departmentId(),
					departments.name(step.plan().departmentId()), step.state().name(), step.state().label(),
					step.plan().dependsOn(), step.reason(), step.resultNote(),
					step.decidedBy() == null ? null : step.decidedBy().name(), step.decidedAt(),
					schedule.stepDueOn(step.id()).orElse(null));
		}
	}

	static StaffCaseView of(StoredCase stored, StaffMember member, List<CaseStore.MaterialEntry> materials,
			Departments departments, WorkingDayCalendar calendar, LocalDate today) {
		CaseFile file = stored.file();
		CaseSchedule schedule = CaseSchedule.of(file, calendar);
		boolean entitled = CaseAccess.seesPersonalData(member, file);
		return new StaffCaseView(file.id(), file.receiptCode(), file.terms().bundleId(), file.terms().bundleName(),
				file.terms().bundleVersion(), file.status().name(), file.status().label(), file.receivedOn(), entitled,
				CaseAccess.applicantFor(member, stored),
				entitled ? stored.form() : Map.of(),
				CaseClocks.of(file, today, calendar),
				schedule.expectedCompletionOn().orElse(null), file.specialProcedures(),
				file.steps().stream().map(step -> StepView.of(step, departments, schedule)).toList(),
				file.notices(), file.acceptance(), file.completion(),
				entitled ? materials : List.of(),
				CaseAccess.stepsToDecide(member, file).stream().map(CaseStep::id).toList(),
				CaseAccess.stepsToPreReview(member, file).stream().map(CaseStep::id).toList());
	}
}
