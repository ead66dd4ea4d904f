package cn.onething.catalog.web;

import java.util.List;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.GuideVersion;
import cn.onething.catalog.LifeEvents;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The applicant's pages, opened by scanning a QR code in the hall: server-rendered, readable without JavaScript.
 * Current content comes from the in-memory catalogue; only old versions are read from the database.
 */
@Controller
class GuidePages {

	private final Catalog catalog;
	private final CatalogProperties properties;
	private final PageVersions pageVersions;
	private final LifeEventsNow lifeEvents;

	GuidePages(Catalog catalog, CatalogProperties properties, PageVersions pageVersions, LifeEventsNow lifeEvents) {
		this.catalog = catalog;
		this.properties = properties;
		this.pageVersions = pageVersions;
		this.lifeEvents = lifeEvents;
	}

	@GetMapping("/")
	Mono<Rendering> home(ServerWebExchange exchange) {
		CatalogSnapshot current = catalog.current();
		LifeEvents events = lifeEvents.current();
		return pageVersions.unlessUnchanged(exchange, current, () -> Rendering.view("catalog/applicant/home")
				.modelAttribute("catalog", current).modelAttribute("lifeEvents", events.events())
				.modelAttribute("frequent", frequent(current, events)).build());
	}

	@GetMapping("/domains/{id}")
	Mono<Rendering> domain(@PathVariable String id, ServerWebExchange exchange) {
		CatalogSnapshot current = catalog.current();
		Domain domain = current.domain(id).orElseThrow(() -> notFound("没有这个领域"));
		return pageVersions.unlessUnchanged(exchange, current, () -> Rendering.view("catalog/applicant/domain")
				.modelAttribute("catalog", current).modelAttribute("domain", domain)
				.modelAttribute("guides", current.guidesOf(id)).build());
	}

	@GetMapping("/search")
	Rendering search(@RequestParam(name = "q", defaultValue = "") String query) {
		CatalogSnapshot current = catalog.current();
		String trimmed = query.length() > 100 ? query.substring(0, 100) : query;
		return Rendering.view("catalog/applicant/search").modelAttribute("catalog", current)
				.modelAttribute("query", trimmed.strip()).modelAttribute("result", current.search(trimmed))
				.modelAttribute("lifeEvents", lifeEvents.current().matching(trimmed)).build();
	}

	/** The short, version-independent address printed as a QR code next to each window. */
	@GetMapping("/g/{code}")
	Mono<Rendering> guide(@PathVariable String code, ServerWebExchange exchange) {
		CatalogSnapshot current = catalog.current();
		Guide guide = current.guide(code).orElseThrow(() -> notFound("没有找到这个办事指南，它可能已经停止办理"));
		return pageVersions.unlessUnchanged(exchange, current,
				() -> guidePage(current, guide, current.versionOf(code), false));
	}

	@GetMapping("/g/{code}/versions")
	Mono<Rendering> versions(@PathVariable String code) {
		CatalogSnapshot current = catalog.current();
		return catalog.versions(code).collectList()
				.filter(versions -> !versions.isEmpty())
				.switchIfEmpty(Mono.error(() -> notFound("没有找到这个办事指南")))
				.map(versions -> Rendering.view("catalog/applicant/versions").modelAttribute("catalog", current)
						.modelAttribute("code", code).modelAttribute("name", versions.get(0).guide().name())
						.modelAttribute("versions", versions).build());
	}

	@GetMapping("/g/{code}/v/{version}")
	Mono<Rendering> version(@PathVariable String code, @PathVariable int version) {
		CatalogSnapshot current = catalog.current();
		return catalog.version(code, version)
				.switchIfEmpty(Mono.error(() -> notFound("没有找到这个版本")))
				.map(GuideVersion::guide)
				.map(guide -> guidePage(current, guide, version, version != current.versionOf(code)));
	}

	private Rendering guidePage(CatalogSnapshot current, Guide guide, int version, boolean archived) {
		return Rendering.view("catalog/applicant/guide").modelAttribute("catalog", current)
				.modelAttribute("guide", guide).modelAttribute("domain", current.domain(guide.domainId()).orElse(null))
				.modelAttribute("version", version).modelAttribute("archived", archived)
				.modelAttribute("shortUrl", properties.guideUrl(guide.code()))
				.modelAttribute("lifeEvent", lifeEvents.current().including(guide.code()).orElse(null)).build();
	}

	/**
	 * 常办事项: the items of the life events, since 一件事 are built from the items people need most often (高频事项).
	 * The service counts no visits per guide that could rank them otherwise.
	 */
	private static List<Guide> frequent(CatalogSnapshot current, LifeEvents events) {
		return events.events().stream().flatMap(event -> event.itemCodes().stream()).distinct()
				.flatMap(code -> current.guide(code).stream()).toList();
	}

	private static ResponseStatusException notFound(String reason) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
	}
}
