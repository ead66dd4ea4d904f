package cn.onething.village.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onething.catalog.Catalog;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.village.EntryDraft;
import cn.onething.village.EntryRefused;
import cn.onething.village.FigureOverride;
import cn.onething.village.Jurisdiction;
import cn.onething.village.NotInJurisdiction;
import cn.onething.village.Overdue;
import cn.onething.village.SharedElement;
import cn.onething.village.Villages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 村务公开 in the staff console: village and township disclosure staff publish an entry for the committees their
 * account's place covers ({@link Jurisdiction}) and see those committees' overdue quarterly matters and the figures
 * they published against the county's, with who decided, why and when; county staff (no place) see the whole county
 * and publish nothing. Publishing for another committee is refused with 403.
 */
@Controller
class VillageConsole {

	private static final String HALL = "政务服务中心";
	static final List<String> FIELDS = List.of("committee", "item", "title", "content", "startsOn", "endsOn",
			"objectionChannel", "recipients", "overrideReason");

	private final Identity identity;
	private final Villages villages;
	private final Catalog catalog;

	VillageConsole(Identity identity, Villages villages, Catalog catalog) {
		this.identity = identity;
		this.villages = villages;
		this.catalog = catalog;
	}

	@GetMapping("/staff/village")
	Mono<Rendering> console(@RequestParam(required = false) UUID published) {
		return identity.signedIn().flatMap(member -> {
			Mono<String> publishedTitle = published == null ? Mono.just("")
					: villages.entry(published).map(entry -> entry.title()).defaultIfEmpty("");
			return publishedTitle.flatMap(title -> page(member, Map.of(), Map.of(), title, HttpStatus.OK));
		});
	}

	@PostMapping("/staff/village/entries")
	Mono<Rendering> publish(ServerWebExchange exchange) {
		return identity.signedIn().flatMap(member -> {
			if (!member.has(StaffRole.DISCLOSURE)) {
				return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "只有村务公开岗位可以发布"));
			}
			return exchange.getFormData().flatMap(form -> {
				Map<String, String> values = values(form);
				return villages.publish(draft(values), member)
						.map(entry -> Rendering.redirectTo("/staff/village?published=" + entry.id()).status(HttpStatus.SEE_OTHER).build())
						.onErrorResume(NotInJurisdiction.class, refused -> Mono.just(Rendering.view("village/staff/refused")
								.status(HttpStatus.FORBIDDEN).modelAttribute("member", member)
								.modelAttribute("memberDepartment", department(member)).modelAttribute("reason", refused.getMessage())
								.build()))
						.onErrorResume(EntryRefused.class,
								refused -> page(member, values, refused.problems(), "", HttpStatus.UNPROCESSABLE_CONTENT));
			});
		});
	}

	private Mono<Rendering> page(StaffMember member, Map<String, String> values, Map<String, String> problems,
			String publishedTitle, HttpStatus status) {
		Jurisdiction jurisdiction = Jurisdiction.of(member);
		Mono<List<TownshipOverdue>> overdue = Flux.fromIterable(jurisdiction.overseenIn(villages.places()))
				.concatMap(township -> villages.overdue(township).map(found -> new TownshipOverdue(township.name(),
						found.stream().filter(late -> jurisdiction.covers(late.committee())).toList())))
				.collectList();
		Mono<List<FigureOverride>> overrides = villages.overrides()
				.filter(override -> jurisdiction.covers(override.entry().townshipId(), override.entry().committeeId()))
				.collectList();
		return Mono.zip(overdue, overrides).map(found -> Rendering.view("village/staff/console")
				.status(status)
				.modelAttribute("member", member)
				.modelAttribute("memberDepartment", department(member))
				.modelAttribute("places", villages.places())
				.modelAttribute("publishable", jurisdiction.publishableIn(villages.places()))
				.modelAttribute("placeName", member.place() == null ? "" : villages.placeName(member.place()))
				.modelAttribute("elements", SharedElement.values())
				.modelAttribute("values", values).modelAttribute("problems", problems)
				.modelAttribute("published", publishedTitle)
				.modelAttribute("overdue", found.getT1())
				.modelAttribute("overrides", found.getT2())
				.modelAttribute("mayPublish", jurisdiction.publishes())
				.modelAttribute("unplacedPublisher", member.has(StaffRole.DISCLOSURE) && !jurisdiction.publishes())
				.build());
	}

	private String department(StaffMember member) {
		return member.departmentId() == null ? HALL : catalog.current().departmentName(member.departmentId());
	}

	/** A township's overdue matters, for the supervision list. */
	record TownshipOverdue(String township, List<Overdue> overdue) {
	}

	private static Map<String, String> values(MultiValueMap<String, String> form) {
		Map<String, String> values = new LinkedHashMap<>();
		FIELDS.forEach(field -> values.put(field, form.getFirst(field)));
		for (SharedElement element : SharedElement.values()) {
			values.put(element.key(), form.getFirst(element.key()));
		}
		return values;
	}

	/** The committee is chosen as {@code township/committee} from one list. */
	private static EntryDraft draft(Map<String, String> values) {
		String place = values.getOrDefault("committee", "");
		String[] parts = place == null ? new String[0] : place.split("/", 2);
		Map<String, String> figures = new LinkedHashMap<>();
		for (SharedElement element : SharedElement.values()) {
			if (values.get(element.key()) != null) {
				figures.put(element.key(), values.get(element.key()));
			}
		}
		return new EntryDraft(parts.length == 2 ? parts[0] : "", parts.length == 2 ? parts[1] : "", values.get("item"),
				values.get("title"), values.get("content"), values.get("startsOn"), values.get("endsOn"),
				values.get("objectionChannel"), figures, values.get("recipients"), values.get("overrideReason"));
	}
}
