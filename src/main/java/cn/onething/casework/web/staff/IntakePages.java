package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.bundle.FormField;
import cn.onething.casework.BundleFiling;
import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.IdempotencyKey;
import cn.onething.casework.IdempotencyKeyReused;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.web.SubmissionKeys;
import cn.onething.casework.web.UploadParts;
import cn.onething.casework.web.UploadRefused;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 一窗受理: window staff file a bundle for the applicant in front of them, with the applicant's form (the same questions
 * and checks, templates/bundle/form-fields.html and {@link BundleFiling}) and the materials scanned at the desk, then
 * print the receipt. The form carries a one-time key, so a double click files one case.
 */
@Controller
class IntakePages {

	private final Bundles bundles;
	private final BundleFiling filing;
	private final Identity identity;
	private final Departments departments;
	private final CaseSheet sheet;
	private final CaseLinks links;
	private final UploadParts uploadParts;

	IntakePages(Bundles bundles, BundleFiling filing, Identity identity, Departments departments, CaseSheet sheet,
			CaseLinks links, UploadParts uploadParts) {
		this.bundles = bundles;
		this.filing = filing;
		this.identity = identity;
		this.departments = departments;
		this.sheet = sheet;
		this.links = links;
		this.uploadParts = uploadParts;
	}

	@GetMapping("/staff/intake")
	Mono<Rendering> chooseBundle() {
		return identity.signedIn().map(member -> bundlesPage(member, null, HttpStatus.OK));
	}

	@GetMapping("/staff/intake/{bundleId}")
	Mono<Rendering> form(@PathVariable String bundleId) {
		return window().map(member -> formPage(member, bundle(bundleId), Map.of(), Map.of(), HttpStatus.OK));
	}

	@PostMapping("/staff/intake/{bundleId}")
	Mono<Rendering> file(@PathVariable String bundleId, ServerWebExchange exchange) {
		Bundle bundle = bundle(bundleId);
		return window().flatMap(member -> exchange.getMultipartData().flatMap(parts -> {
			Map<String, String> values = UploadParts.fields(parts);
			return uploadParts.uploads(parts)
					.flatMap(uploads -> filing.file(bundle, values, uploads, CaseAccess.actor(member, Actor.Kind.WINDOW),
							SubmissionKeys.of(IdempotencyKey.INTAKE, values)))
					.map(submission -> Rendering.redirectTo("/staff/intake/filed/" + submission.stored().file().id()).build())
					.onErrorResume(CaseInputRejected.class, rejected -> Mono.just(
							formPage(member, bundle, values, rejected.problems(), HttpStatus.UNPROCESSABLE_CONTENT)))
					.onErrorResume(UploadRefused.class, refused -> Mono.just(formPage(member, bundle, values,
							Map.of("材料文件", refused.message()), HttpStatus.valueOf(refused.getStatusCode().value()))))
					.onErrorResume(IdempotencyKeyReused.class, reused -> Mono.just(bundlesPage(member,
							"这份表单已经受理过，修改后的内容没有保存。请在“我的待办”中找到该件；如要受理另一件，请重新选择。",
							HttpStatus.CONFLICT)));
		}));
	}

	@GetMapping("/staff/intake/filed/{caseId}")
	Mono<Rendering> filed(@PathVariable String caseId) {
		return identity.signedIn().flatMap(member -> sheet.load(caseId).map(stored -> Rendering.view("casework/staff/intake-filed")
				.modelAttribute("member", member)
				.modelAttribute("memberDepartment", departments.name(member.departmentId()))
				.modelAttribute("file", stored.file())
				.modelAttribute("receiptPdf", links.receiptPdfPath(stored.file().receiptCode()))
				.modelAttribute("schedule", sheet.schedule(stored.file()))
				.build()));
	}

	private Mono<StaffMember> window() {
		return identity.signedIn().filter(member -> member.has(StaffRole.WINDOW))
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "只有一窗受理岗位可以代为申请")));
	}

	private Bundle bundle(String id) {
		return bundles.bundle(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个一件事"));
	}

	private Rendering bundlesPage(StaffMember member, String message, HttpStatus status) {
		return Rendering.view("casework/staff/intake").status(member.has(StaffRole.WINDOW) ? status : HttpStatus.FORBIDDEN)
				.modelAttribute("member", member)
				.modelAttribute("memberDepartment", departments.name(member.departmentId()))
				.modelAttribute("window", member.has(StaffRole.WINDOW))
				.modelAttribute("bundles", bundles.current().bundles())
				.modelAttribute("message", message)
				.build();
	}

	/**
	 * The form with what was typed and why each field was refused (files have to be chosen again), under the key it
	 * was sent with: nothing was filed, so the corrected form may use it.
	 */
	private Rendering formPage(StaffMember member, Bundle bundle, Map<String, String> values, Map<String, String> problems,
			HttpStatus status) {
		Map<String, String> labelled = new LinkedHashMap<>();
		problems.forEach((key, message) -> labelled.put(BundleFiling.label(bundle, key), message));
		return Rendering.view("casework/staff/intake-form").status(status)
				.modelAttribute("member", member)
				.modelAttribute("memberDepartment", departments.name(member.departmentId()))
				.modelAttribute("bundle", bundle)
				.modelAttribute("labels", bundle.form().fields().stream().collect(Collectors.toMap(FormField::key, FormField::label)))
				.modelAttribute("today", LocalDate.now(CaseContext.CHINA).toString())
				.modelAttribute("values", values)
				.modelAttribute("problems", problems)
				.modelAttribute("problemList", labelled)
				.modelAttribute("submissionKey", SubmissionKeys.of(IdempotencyKey.INTAKE, values) == null
						? SubmissionKeys.fresh() : values.get(SubmissionKeys.FIELD))
				.build();
	}
}
