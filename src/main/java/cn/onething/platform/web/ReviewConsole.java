package cn.onething.platform.web;

import java.util.List;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogDraft;
import cn.onething.catalog.DraftNotOpen;
import cn.onething.catalog.model.Guide;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.platform.ChangeSet;
import cn.onething.platform.PlatformSync;
import cn.onething.shared.TypedText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 目录审核: the reviewer of the government above (上级审核) reads what a catalogue draft changes, guide by guide and
 * with the disclosure attributes, and approves it (the only way it is published) or sends it back with reasons.
 * Publishers see the same pages without the buttons. Behind the staff console's sign-in and CSRF protection.
 */
@Controller
class ReviewConsole {

	static final int REASON_LIMIT = 1000;

	private final Identity identity;
	private final Catalog catalog;
	private final PlatformSync platform;
	private final JsonMapper json;

	ReviewConsole(Identity identity, Catalog catalog, PlatformSync platform, JsonMapper json) {
		this.identity = identity;
		this.catalog = catalog;
		this.platform = platform;
		this.json = json;
	}

	@GetMapping("/staff/reviews")
	Mono<Rendering> list() {
		return identity.signedIn().map(ReviewConsole::requireReviewerOrPublisher)
				.flatMap(member -> catalog.drafts().map(draft -> DraftView.of(draft, null)).collectList()
						.map(drafts -> page("platform/staff/reviews", member).modelAttribute("drafts", drafts).build()));
	}

	@GetMapping("/staff/reviews/{id}")
	Mono<Rendering> show(@PathVariable String id, @RequestParam(name = "done", required = false) String done) {
		long draftId = draftId(id);
		return identity.signedIn().map(ReviewConsole::requireReviewerOrPublisher)
				.flatMap(member -> catalog.draft(draftId)
						.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份目录草稿")))
						.flatMap(draft -> platformNotes(draft).map(notes -> page("platform/staff/review", member)
								.modelAttribute("view", DraftView.of(draft, changes(draft, notes)))
								.modelAttribute("mayDecide", member.has(StaffRole.SUPERIOR_REVIEW) && draft.status() == CatalogDraft.Status.PENDING)
								.modelAttribute("reasonLimit", REASON_LIMIT)
								.modelAttribute("done", done == null ? "" : done)
								.build())));
	}

	@PostMapping("/staff/reviews/{id}/approve")
	Mono<Rendering> approve(@PathVariable String id) {
		long draftId = draftId(id);
		return identity.signedIn().map(ReviewConsole::requireSuperiorReviewer)
				.flatMap(member -> catalog.approve(draftId, member.username()))
				.onErrorMap(DraftNotOpen.class, ReviewConsole::alreadyDecided)
				.map(draft -> Rendering.redirectTo("/staff/reviews/" + draftId + "?done=approved").build());
	}

	@PostMapping("/staff/reviews/{id}/send-back")
	Mono<Rendering> sendBack(@PathVariable String id, ServerWebExchange exchange) {
		long draftId = draftId(id);
		return identity.signedIn().map(ReviewConsole::requireSuperiorReviewer)
				.zipWith(exchange.getFormData().map(ReviewConsole::reason))
				.flatMap(both -> catalog.sendBack(draftId, both.getT1().username(), both.getT2()))
				.onErrorMap(DraftNotOpen.class, ReviewConsole::alreadyDecided)
				.map(draft -> Rendering.redirectTo("/staff/reviews/" + draftId + "?done=sent-back").build());
	}

	/** An open draft against the catalogue applicants see now; a decided one shows no changes any more. */
	private ChangeSet changes(CatalogDraft draft, ChangeSet notes) {
		List<Guide> proposed = draft.folder().guides().stream().map(sourced -> sourced.guide()).toList();
		return draft.isOpen() ? ChangeSet.between(catalog.current().guides(), proposed, notes.kept(), notes.conflicts(),
				notes.unmapped()) : ChangeSet.between(List.of(), List.of());
	}

	/** What the sync that made the draft kept of ours, its conflicts and the fields it could not map. */
	private Mono<ChangeSet> platformNotes(CatalogDraft draft) {
		return platform.syncDetailOf(draft).map(detail -> json.readValue(detail, ChangeSet.class))
				.defaultIfEmpty(ChangeSet.between(List.of(), List.of()));
	}

	private Rendering.Builder<?> page(String view, StaffMember member) {
		return Rendering.view(view).modelAttribute("member", member)
				.modelAttribute("memberDepartment", member.departmentId() == null ? "政务服务中心" : member.departmentId());
	}

	private static String reason(MultiValueMap<String, String> form) {
		String reason = form.getFirst("reason") == null ? "" : form.getFirst("reason").strip();
		if (reason.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "退回理由：请写明退回的理由");
		}
		if (reason.length() > REASON_LIMIT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "退回理由：不能超过" + REASON_LIMIT + "字");
		}
		TypedText.problem(reason).ifPresent(problem -> {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "退回理由：" + problem);
		});
		return reason;
	}

	private static long draftId(String id) {
		if (!id.matches("\\d{1,18}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这份目录草稿");
		}
		return Long.parseLong(id);
	}

	private static ResponseStatusException alreadyDecided(DraftNotOpen e) {
		return new ResponseStatusException(HttpStatus.CONFLICT, "这份草稿已经审核过或已被新草稿取代，请刷新后查看");
	}

	private static StaffMember requireReviewerOrPublisher(StaffMember member) {
		if (!member.has(StaffRole.SUPERIOR_REVIEW) && !member.has(StaffRole.PUBLISHER)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "目录审核由上级审核和指南发布岗位查看");
		}
		return member;
	}

	private static StaffMember requireSuperiorReviewer(StaffMember member) {
		if (!member.has(StaffRole.SUPERIOR_REVIEW)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有上级审核岗位可以批准或退回目录草稿");
		}
		return member;
	}
}
