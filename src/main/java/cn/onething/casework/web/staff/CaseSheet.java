package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.bundle.FormField;
import cn.onething.bundle.ProducedMaterial;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The case page for one staff member: everything about the case, what they may see of the applicant, and what to do next. */
@Component
class CaseSheet {

	/** A form answer with the question it answers. */
	record FormRow(String label, String value) {
	}

	/** A material of the case's terms, as a choice in the correction forms. */
	record MaterialOption(String key, String name) {
	}

	/** An uploaded file; {@code uploadedAt} in China time. */
	record MaterialRow(String id, String materialName, String fileName, int kilobytes, String uploadedAt, String uploadedBy) {
	}

	/**
	 * 免提交: a document a step of the case's bundle produces for later steps. It is attached to the case by the
	 * producing step's approval (when, by whom, the reviewer's result note); before that, later reviewers see it is
	 * still to come, and nobody asks the applicant for it.
	 */
	record ProducedRow(String name, String stepName, boolean attached, String attachedAt, String attachedBy, String note) {
	}

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Casework casework;
	private final Bundles bundles;
	private final Departments departments;
	private final AuditLines auditLines;

	CaseSheet(Casework casework, Bundles bundles, Departments departments, AuditLines auditLines) {
		this.casework = casework;
		this.bundles = bundles;
		this.departments = departments;
		this.auditLines = auditLines;
	}

	/** The case, or 404 for an id that is no case (or not even an id). */
	Mono<StoredCase> load(String caseId) {
		return (isId(caseId) ? casework.byId(caseId) : Mono.<StoredCase>empty())
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	/** Cases and materials have UUIDs; anything else in a URL finds nothing. */
	static boolean isId(String value) {
		try {
			UUID.fromString(value);
			return true;
		}
		catch (IllegalArgumentException notAnId) {
			return false;
		}
	}

	/** The case's due dates and expected completion on the service's calendar. */
	CaseSchedule schedule(CaseFile file) {
		return CaseSchedule.of(file, casework.calendar());
	}

	Mono<Rendering> render(StoredCase stored, StaffMember member, FormFeedback feedback, HttpStatus status) {
		CaseFile file = stored.file();
		boolean entitled = CaseAccess.seesPersonalData(member, file);
		LocalDate today = casework.today();
		Map<String, String> materialNames = file.terms().materials();
		Map<String, String> departmentNames = new LinkedHashMap<>();
		Map<String, String> stepNames = new LinkedHashMap<>();
		file.steps().forEach(step -> {
			departmentNames.put(step.plan().departmentId(), departments.name(step.plan().departmentId()));
			stepNames.put(step.id(), step.plan().name());
		});
		return Mono.zip(casework.materials(file.id()).map(entry -> new MaterialRow(entry.id(),
								materialNames.getOrDefault(entry.materialKey(), entry.materialKey()), entry.fileName(),
								Math.max(1, entry.sizeBytes() / 1024), MINUTE.format(entry.uploadedAt().atZoneSameInstant(CaseContext.CHINA)),
								entry.uploadedBy())).collectList(),
						casework.auditTrail(file.id()).map(entry -> auditLines.line(entry, file)).collectList(),
						filedUnder(file).map(bundle -> formRows(stored, bundle)),
						filedUnder(file).map(bundle -> produced(file, bundle)))
				.map(loaded -> Rendering.view("casework/staff/case").status(status)
						.modelAttribute("member", member)
						.modelAttribute("memberDepartment", departments.name(member.departmentId()))
						.modelAttribute("file", file)
						.modelAttribute("entitled", entitled)
						.modelAttribute("applicant", CaseAccess.applicantFor(member, stored))
						.modelAttribute("formRows", entitled ? loaded.getT3() : List.of())
						.modelAttribute("materials", loaded.getT1())
						.modelAttribute("produced", loaded.getT4())
						.modelAttribute("materialOptions", materialNames.entrySet().stream().sorted(Map.Entry.comparingByKey())
								.map(entry -> new MaterialOption(entry.getKey(), entry.getValue())).toList())
						.modelAttribute("materialNames", materialNames)
						.modelAttribute("departments", departmentNames)
						.modelAttribute("stepNames", stepNames)
						.modelAttribute("clocks", CaseClocks.of(file, today, casework.calendar()))
						.modelAttribute("schedule", schedule(file))
						.modelAttribute("procedureKinds", SpecialProcedure.Kind.values())
						.modelAttribute("promised", file.promise() == null ? "" : file.promise().materialKeys().stream()
								.map(key -> materialNames.getOrDefault(key, key)).collect(Collectors.joining("、")))
						.modelAttribute("audit", loaded.getT2())
						.modelAttribute("next", NextActions.of(member, file))
						.modelAttribute("feedback", feedback)
						.modelAttribute("tomorrow", today.plusDays(1))
						.build());
	}

	/** The bundle version the case was filed under, or empty when it is no longer stored. */
	private Mono<Optional<Bundle>> filedUnder(CaseFile file) {
		return bundles.version(file.terms().bundleId(), file.terms().bundleVersion())
				.map(version -> Optional.of(version.bundle())).defaultIfEmpty(Optional.empty()).cache();
	}

	/**
	 * The answers with the questions of the bundle version the case was filed under, in the form's order; answers
	 * to questions that version does not know (or a bundle no longer stored) show under their key.
	 */
	private static List<FormRow> formRows(StoredCase stored, Optional<Bundle> bundle) {
		List<FormRow> rows = new ArrayList<>();
		Map<String, String> left = new LinkedHashMap<>(stored.form());
		for (FormField field : bundle.map(b -> b.form().fields()).orElse(List.of())) {
			String answer = left.remove(field.key());
			if (answer != null) {
				rows.add(new FormRow(field.label(), answer));
			}
		}
		left.entrySet().stream().sorted(Map.Entry.comparingByKey())
				.forEach(entry -> rows.add(new FormRow(entry.getKey(), entry.getValue())));
		return rows;
	}

	private static List<ProducedRow> produced(CaseFile file, Optional<Bundle> bundle) {
		List<ProducedRow> rows = new ArrayList<>();
		for (ProducedMaterial produced : bundle.map(Bundle::produced).orElse(List.of())) {
			file.steps().stream().filter(step -> step.id().equals(produced.stepId())).findFirst().ifPresent(step -> {
				boolean attached = step.state() == StepState.APPROVED;
				rows.add(new ProducedRow(produced.name(), step.plan().name(), attached,
						attached ? MINUTE.format(step.decidedAt().atZone(CaseContext.CHINA)) : null,
						attached && step.decidedBy() != null ? step.decidedBy().name() : null,
						attached ? step.resultNote() : null));
			});
		}
		return rows;
	}
}
