package cn.onething.casework.web.staff;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseChange;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.SpecialProcedure;
import cn.onething.casework.web.ProblemDocuments;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The console's reviewer work by API, for departments' own systems: the queue, a case, and decisions on a step,
 * under the console's rules (a reviewer decides only their own department's steps, and only while a step is under
 * review). Signed in with a bearer token from POST /api/staff/tokens (identity.web.StaffApiSecurity).
 */
@RestController
@RequestMapping("/api/staff")
@Tag(name = "staff")
@SecurityRequirement(name = "staffToken")
@ApiResponse(responseCode = "401", description = "No valid bearer token",
		content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class StaffApi {

	record Approval(@Schema(description = "A note for the applicant, e.g. where to collect the result", example = "新户口簿请到户籍窗口领取")
	String note) {
	}

	record Refusal(@Schema(description = "Why, in words the applicant will read (required)", example = "申请人不符合落户条件")
	String reason) {
	}

	record NonAcceptanceRequest(
			@Schema(description = "Why, in words the applicant will read (required)", example = "申请事项不属于本县办理权限") String reason,
			@Schema(description = "Where to apply instead, when another authority is competent", example = "崇左市人力资源和社会保障局")
			String referTo) {
	}

	record Flags(@Schema(description = "Every material to correct; they go into the one one-time notice of the case")
	List<FlagItem> materials) {
	}

	record FlagItem(@Schema(description = "A material key of the case (GET /api/staff/cases/{id}: the bundle's materials)",
			example = "household-register") String material,
			@Schema(description = "MISSING (缺少, default) or DEFECTIVE (不符合要求)", example = "MISSING") String problem,
			@Schema(description = "What is wrong, in words the applicant will read", example = "请提供父母双方的户口簿") String reason) {
	}

	record ProcedureStart(
			@Schema(description = "HEARING 听证, INSPECTION 检验检测, EXPERT_REVIEW 专家评审, SURVEY 现场勘验 or PUBLICATION 公示",
					example = "HEARING") String kind,
			@Schema(description = "Why, in words the applicant will read", example = "利害关系人申请听证") String reason,
			@Schema(description = "The first day not counted, not after today", example = "2026-03-09") String from,
			@Schema(description = "The expected last day, not before from", example = "2026-03-20") String until) {
	}

	private final Casework casework;
	private final Identity identity;
	private final StaffQueue queue;
	private final StepDecisions decisions;
	private final Departments departments;

	StaffApi(Casework casework, Identity identity, StaffQueue queue, StepDecisions decisions, Departments departments) {
		this.casework = casework;
		this.identity = identity;
		this.queue = queue;
		this.decisions = decisions;
		this.departments = departments;
	}

	@Operation(summary = "The signed-in member's queue",
			description = "A reviewer: the cases their department reviews or waits on for correction. The window and "
					+ "supervisors: every open case. Most urgent first (overdue, then by the next due date).")
	@GetMapping("/queue")
	Mono<List<QueueRow>> queue() {
		return member().flatMap(member -> queue.rows(member, today()).collectList());
	}

	@Operation(summary = "A case", description = "Applicant, answers and files only for those who handle the case; masked otherwise.")
	@ApiResponse(responseCode = "404", description = "No such case",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/cases/{id}")
	Mono<StaffCaseView> read(@PathVariable String id) {
		return member().flatMap(member -> load(id).flatMap(stored -> view(stored, member)));
	}

	@Operation(summary = "Approve a step of the member's department")
	@DecisionResponses
	@PostMapping("/cases/{id}/steps/{step}/approve")
	Mono<StaffCaseView> approve(@PathVariable String id, @PathVariable String step,
			@RequestBody(required = false) Approval approval) {
		String note = approval == null || approval.note() == null || approval.note().isBlank() ? null : approval.note().strip();
		return decide(id, step, (file, context) -> file.approve(step, note, context));
	}

	@Operation(summary = "Refuse a step of the member's department", description = "The reason is required and shown to the applicant.")
	@DecisionResponses
	@PostMapping("/cases/{id}/steps/{step}/refuse")
	Mono<StaffCaseView> refuse(@PathVariable String id, @PathVariable String step, @RequestBody Refusal refusal) {
		return decide(id, step, (file, context) -> {
			if (refusal.reason() == null || refusal.reason().isBlank()) {
				throw new CaseInputRejected(Map.of("reason", StepDecisions.REFUSAL_NEEDS_REASON));
			}
			return file.refuse(step, refusal.reason().strip(), context);
		});
	}

	@Operation(summary = "Flag materials of a step of the member's department as missing or defective",
			description = "The flags of every department reviewing go into one one-time notice (一次性告知) once all have "
					+ "reviewed. After a notice, only items it listed may be flagged again (a supervisor records exceptions).")
	@DecisionResponses
	@PostMapping("/cases/{id}/steps/{step}/flags")
	Mono<StaffCaseView> flag(@PathVariable String id, @PathVariable String step, @RequestBody Flags request) {
		return decide(id, step, (file, context) -> file.flag(step, flags(request, file, true), context));
	}

	/** The flags of a request, or {@link CaseInputRejected} naming every problem; {@code atLeastOne} for 需补正. */
	private static List<Flag> flags(Flags request, CaseFile file, boolean atLeastOne) {
		List<FlagItem> items = request == null || request.materials() == null ? List.of() : request.materials();
		Map<String, String> problems = new LinkedHashMap<>();
		if (atLeastOne && items.isEmpty()) {
			problems.put("materials", "请至少列出一项需要补正的材料");
		}
		List<Flag> flags = FlagForm.flags(
				items.stream().map(item -> new FlagForm.Request(item.material(), item.problem(), item.reason())).toList(),
				file.terms(), (index, item, part) -> "materials[" + index + "]." + part, problems::putIfAbsent);
		if (!problems.isEmpty()) {
			throw new CaseInputRejected(problems);
		}
		return flags;
	}

	@Operation(summary = "Pre-review the materials of a waiting step of the member's department (部门预审)",
			description = "Before the one-time notice and acceptance, a department whose step waits for an earlier one may "
					+ "flag the materials of its items; the flags go into the case's one notice. An empty list records that "
					+ "all is in order. After the notice or acceptance, new items need a supervisor's exception.")
	@DecisionResponses
	@PostMapping("/cases/{id}/steps/{step}/pre-review")
	Mono<StaffCaseView> preReview(@PathVariable String id, @PathVariable String step, @RequestBody Flags request) {
		return decide(id, step, (file, context) -> file.preReview(step, flags(request, file, false), context));
	}

	@Operation(summary = "Turn the application away before acceptance (不予受理)",
			description = "For the window, supervisors and the departments of the case; only before acceptance and before "
					+ "any step is decided. The case ends; the applicant can download the 不予受理通知书 with the remedies.")
	@DecisionResponses
	@PostMapping("/cases/{id}/non-acceptance")
	Mono<StaffCaseView> refuseToAccept(@PathVariable String id, @RequestBody NonAcceptanceRequest request) {
		return member().flatMap(member -> load(id)
				.flatMap(seen -> {
					Actor actor = CaseAccess.nonAcceptanceActor(member, seen.file());
					if (request.reason() == null || request.reason().isBlank()) {
						throw new CaseInputRejected(Map.of("reason", NonAcceptanceActions.NEEDS_REASON));
					}
					return casework.act(id, actor, file -> context -> file.refuseToAccept(request.reason(), request.referTo(), context));
				})
				.flatMap(stored -> view(stored, member)));
	}

	@Operation(summary = "Stop the clock of a step of the member's department for a special procedure (行政许可法 §45)",
			description = "Only on an accepted case, a step under review, one procedure at a time; the step's due date and the "
					+ "case's move by the working days suspended, and the applicant sees kind, reason and expected end.")
	@DecisionResponses
	@PostMapping("/cases/{id}/steps/{step}/procedures")
	Mono<StaffCaseView> startProcedure(@PathVariable String id, @PathVariable String step, @RequestBody ProcedureStart request) {
		return decide(id, step, (file, context) -> {
			Map<String, String> problems = new LinkedHashMap<>();
			SpecialProcedure.Kind kind = SpecialProcedure.Kind.named(request.kind()).orElse(null);
			if (kind == null) {
				problems.put("kind", "请选择程序：HEARING（听证）、INSPECTION（检验检测）、EXPERT_REVIEW（专家评审）、SURVEY（现场勘验）或 PUBLICATION（公示）");
			}
			if (request.reason() == null || request.reason().isBlank()) {
				problems.put("reason", "请写明中止计时的理由，将告知申请人");
			}
			LocalDate from = day(request.from(), "from", problems);
			LocalDate until = day(request.until(), "until", problems);
			if (!problems.isEmpty()) {
				throw new CaseInputRejected(problems);
			}
			return file.startSpecialProcedure(step, kind, request.reason().strip(), from, until, context);
		});
	}

	@Operation(summary = "Record the end of a step's running special procedure; its clock runs again from the next day")
	@DecisionResponses
	@PostMapping("/cases/{id}/steps/{step}/procedures/end")
	Mono<StaffCaseView> endProcedure(@PathVariable String id, @PathVariable String step) {
		return decide(id, step, (file, context) -> file.endSpecialProcedure(step, context));
	}

	private static LocalDate day(String value, String field, Map<String, String> problems) {
		try {
			return LocalDate.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException notADate) {
			problems.put(field, "日期应写成 2026-03-02 这样的格式");
			return null;
		}
	}

	@ExceptionHandler(CaseAccess.NotPermitted.class)
	ProblemDetail notPermitted(CaseAccess.NotPermitted refused) {
		return ProblemDocuments.problem(HttpStatus.FORBIDDEN, ProblemDocuments.NOT_PERMITTED, "Not permitted", refused.getMessage());
	}

	private Mono<StaffCaseView> decide(String id, String step, BiFunction<CaseFile, CaseContext, CaseChange> decision) {
		// a case keeps the steps it was filed with, so an unknown step is unknown for good
		return member().flatMap(member -> load(id)
				.filter(stored -> stored.file().step(step).isPresent())
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "本件没有“" + step + "”这个审批环节")))
				.then(decisions.decide(id, step, member, decision))
				.flatMap(stored -> view(stored, member)));
	}

	private Mono<StaffMember> member() {
		return identity.signedIn().switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)));
	}

	/** The case, or 404 for an id that is no case (or not even an id). */
	private Mono<StoredCase> load(String id) {
		return (CaseSheet.isId(id) ? casework.byId(id) : Mono.<StoredCase>empty())
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个案件")));
	}

	private Mono<StaffCaseView> view(StoredCase stored, StaffMember member) {
		return casework.materials(stored.file().id()).collectList()
				.map(materials -> StaffCaseView.of(stored, member, materials, departments, casework.calendar(), today()));
	}

	private LocalDate today() {
		return casework.today();
	}
}
