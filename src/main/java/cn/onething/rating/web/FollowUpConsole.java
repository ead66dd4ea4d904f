package cn.onething.rating.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.rating.Ratings;
import cn.onething.rating.internal.RatingStore;
import cn.onething.rating.model.FollowUp;
import cn.onething.rating.model.Level;
import cn.onething.rating.model.RatingRefused;
import cn.onething.shared.TypedText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 好差评 in the staff console, for supervisors: satisfaction per department and per item, the follow-ups of bad
 * ratings (overdue ones marked), and one follow-up's page where contact, rectification and reply are recorded and the
 * loop is closed. Behind the console's sign-in and CSRF protection.
 */
@Controller
class FollowUpConsole {

	static final int TEXT_MAX = 1000;

	private final Identity identity;
	private final Ratings ratings;
	private final Catalog catalog;

	FollowUpConsole(Identity identity, Ratings ratings, Catalog catalog) {
		this.identity = identity;
		this.ratings = ratings;
		this.catalog = catalog;
	}

	@GetMapping("/staff/ratings")
	Mono<Rendering> overview() {
		var current = catalog.current();
		Map<String, String> departments = current.departments().stream().collect(Collectors.toMap(Department::id, Department::name));
		Map<String, String> items = current.guides().stream().collect(Collectors.toMap(Guide::code, Guide::name, (a, b) -> a));
		return supervisor().flatMap(member -> Mono.zip(
						ratings.counts(RatingStore.Grouping.DEPARTMENT).collectList(),
						ratings.counts(RatingStore.Grouping.ITEM).collectList(),
						ratings.openFollowUps().collectList(),
						ratings.recentlyClosedFollowUps(20).collectList())
				.map(found -> Rendering.view("rating/staff/ratings")
						.modelAttribute("member", member)
						.modelAttribute("memberDepartment", memberDepartment(member))
						.modelAttribute("tables", List.of(SatisfactionTable.of("by-department", "部门", found.getT1(), departments),
								SatisfactionTable.of("by-item", "事项", found.getT2(), items)))
						.modelAttribute("open", found.getT3())
						.modelAttribute("closed", found.getT4())
						.modelAttribute("today", ratings.today())
						.modelAttribute("levels", List.of(Level.values()))
						.build()));
	}

	@GetMapping("/staff/ratings/follow-ups/{id}")
	Mono<Rendering> followUp(@PathVariable String id, @RequestParam(name = "done", required = false) String done) {
		return supervisor().flatMap(member -> found(id).flatMap(followUp -> page(member, followUp, done, null, HttpStatus.OK)));
	}

	/** Records the contact, the rectification or the reply ({@code part}), or closes the loop ({@code close}). */
	@PostMapping("/staff/ratings/follow-ups/{id}/{action}")
	Mono<Rendering> act(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
		return supervisor().flatMap(member -> found(id).flatMap(followUp -> exchange.getFormData().flatMap(form -> {
			String text = form.getFirst("text") == null ? "" : form.getFirst("text").strip();
			String problem = text.isEmpty() ? "请填写内容" : text.length() > TEXT_MAX ? "最多 " + TEXT_MAX + " 个字"
					: TypedText.problem(text).orElse(null);
			boolean closing = "close".equals(action);
			FollowUp.Part part = Arrays.stream(FollowUp.Part.values()).filter(p -> p.code().equals(action)).findFirst().orElse(null);
			if (!closing && part == null) {
				return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这项操作"));
			}
			if (problem != null) {
				return page(member, followUp, null, Map.of(action, (closing ? "办结说明" : part.label()) + "：" + problem),
						HttpStatus.UNPROCESSABLE_CONTENT);
			}
			Mono<FollowUp> change = closing ? ratings.close(followUp.id(), text, member) : ratings.record(followUp.id(), part, text, member);
			return change.map(after -> Rendering.redirectTo("/staff/ratings/follow-ups/" + after.id() + "?done=" + action).build())
					.onErrorResume(RatingRefused.class, refused -> page(member, followUp, null, Map.of(action, refused.getMessage()),
							HttpStatus.CONFLICT));
		})));
	}

	private Mono<Rendering> page(StaffMember member, FollowUp followUp, String done, Map<String, String> problems, HttpStatus status) {
		return ratings.ratingOf(followUp).map(rating -> Rendering.view("rating/staff/follow-up").status(status)
				.modelAttribute("member", member)
				.modelAttribute("rating", rating)
				.modelAttribute("memberDepartment", memberDepartment(member))
				.modelAttribute("followUp", followUp)
				.modelAttribute("overdue", followUp.overdueOn(ratings.today()))
				.modelAttribute("parts", List.of(FollowUp.Part.values()))
				.modelAttribute("done", done == null ? "" : done)
				.modelAttribute("problems", problems == null ? Map.of() : problems)
				.build());
	}

	private Mono<FollowUp> found(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这项整改"));
		}
		return ratings.followUp(uuid).switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这项整改")));
	}

	/** 差评核实整改 is the hall's supervisors' (谁办理、谁负责 is theirs to route). */
	private Mono<StaffMember> supervisor() {
		return identity.signedIn().map(member -> {
			if (!member.has(StaffRole.SUPERVISOR)) {
				throw new ResponseStatusException(HttpStatus.FORBIDDEN, "好差评统计和差评整改由主管岗位处理");
			}
			return member;
		});
	}

	private static String memberDepartment(StaffMember member) {
		return member.departmentId() == null ? "政务服务中心" : member.departmentId();
	}
}
