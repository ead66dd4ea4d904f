package cn.onething.catalog.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Hall;
import cn.onething.catalog.opendata.DisclosureCsv;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The catalogue as JSON for other systems (the regional platform, kiosks) and as open data. */
@RestController
@RequestMapping("/api")
@Tag(name = "catalog", description = "办事指南目录")
class CatalogApi {

	private final Catalog catalog;
	private final CatalogProperties properties;
	private final LifeEventsNow lifeEvents;

	CatalogApi(Catalog catalog, CatalogProperties properties, LifeEventsNow lifeEvents) {
		this.catalog = catalog;
		this.properties = properties;
		this.lifeEvents = lifeEvents;
	}

	record CatalogInfo(long version, Instant importedAt, Hall hall, int domains, int items) {
	}

	record DomainSummary(String id, String name, List<String> aliases, int items) {
	}

	record ItemSummary(String code, String name, String type, String department, String kind, String url) {
	}

	record Item(String code, int version, String url, String qrPng, String implementationCode, Guide guide) {
	}

	record VersionSummary(int version, Instant importedAt, LocalDate effectiveDate, String sourcePath) {
	}

	/** What kind of thing a hit is: a service guide (办事指南) or a row of the disclosure catalogue (公开事项). */
	enum Kind {
		GUIDE, DISCLOSURE;

		@JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	record Hit(Kind kind, String code, String name, int score, String reason, String url) {
	}

	/** A row of the disclosure catalogue; {@code url} is the guide of the item it discloses. */
	record DisclosureItemHit(Kind kind, int number, String code, String domain, String firstLevel, String secondLevel,
			String subject, int score, String reason, String url) {
	}

	/** A life event (一件事) the query names: listed before the single items, since it covers several at once. */
	record BundleHit(String name, String url, String formUrl) {
	}

	record SearchAnswer(String query, List<BundleHit> bundles, List<Hit> hits, List<DisclosureItemHit> disclosureItems,
			List<Domain> domains) {
	}

	@Operation(summary = "目录版本与服务大厅信息")
	@GetMapping("/catalog")
	CatalogInfo info() {
		CatalogSnapshot current = catalog.current();
		return new CatalogInfo(current.importId(), current.importedAt(), current.hall(), current.domains().size(),
				current.guides().size());
	}

	@Operation(summary = "26个试点领域及各领域事项数")
	@GetMapping("/domains")
	List<DomainSummary> domains() {
		CatalogSnapshot current = catalog.current();
		return current.domains().stream()
				.map(d -> new DomainSummary(d.id(), d.name(), d.aliases(), current.guidesOf(d.id()).size())).toList();
	}

	@Operation(summary = "某领域的事项")
	@GetMapping("/domains/{id}/items")
	List<ItemSummary> domainItems(@PathVariable String id) {
		CatalogSnapshot current = catalog.current();
		current.domain(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown domain " + id));
		return current.guidesOf(id).stream().map(this::summary).toList();
	}

	@Operation(summary = "事项的现行办事指南")
	@GetMapping("/items/{code}")
	Item item(@PathVariable String code) {
		CatalogSnapshot current = catalog.current();
		Guide guide = current.guide(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown item " + code));
		return new Item(code, current.versionOf(code), properties.guideUrl(code), properties.guideUrl(code) + "/qr.png",
				guide.implementationCode(), guide);
	}

	@Operation(summary = "事项办事指南的全部版本（新版本在前）")
	@GetMapping("/items/{code}/versions")
	Mono<List<VersionSummary>> versions(@PathVariable String code) {
		return catalog.versions(code)
				.map(v -> new VersionSummary(v.version(), v.importedAt(), v.guide().effectiveDate(), v.sourcePath()))
				.collectList()
				.filter(list -> !list.isEmpty())
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown item " + code)));
	}

	@Operation(summary = "事项办事指南的某个版本")
	@GetMapping("/items/{code}/versions/{version}")
	Mono<Guide> version(@PathVariable String code, @PathVariable int version) {
		return catalog.version(code, version).map(v -> v.guide())
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"item " + code + " has no version " + version)));
	}

	@Operation(summary = "按名称、别名、材料或编码搜索事项；名称或别名相符的“一件事”列在 bundles 中，"
			+ "公开事项标准目录中相符的公开事项列在 disclosureItems 中；每条结果的 kind 说明是办事指南（guide）还是公开事项（disclosure）")
	@GetMapping("/search")
	SearchAnswer search(@RequestParam("q") String query) {
		String trimmed = query.length() > 100 ? query.substring(0, 100) : query;
		var result = catalog.current().search(trimmed);
		List<BundleHit> bundles = lifeEvents.current().matching(trimmed).stream()
				.map(event -> new BundleHit(event.name(), properties.address(event.page()), properties.address(event.form())))
				.toList();
		return new SearchAnswer(result.query(), bundles, result.hits().stream()
				.map(h -> new Hit(Kind.GUIDE, h.guide().code(), h.guide().name(), h.score(), h.reason(), properties.guideUrl(h.guide().code())))
				.toList(), result.disclosures().stream()
				.map(h -> new DisclosureItemHit(Kind.DISCLOSURE, h.row().number(), h.row().code(), h.row().domain(),
						h.row().disclosure().firstLevel(), h.row().disclosure().secondLevel(), h.row().disclosure().subject(),
						h.score(), h.reason(), properties.guideUrl(h.row().code())))
				.toList(), result.domains());
	}

	@Operation(summary = "公开事项标准目录（JSON）")
	@GetMapping("/disclosure-catalog")
	List<DisclosureRow> disclosureCatalog() {
		return catalog.current().disclosureCatalog();
	}

	@Operation(summary = "公开事项标准目录（CSV 开放数据，UTF-8 带 BOM）")
	@GetMapping(value = "/disclosure-catalog.csv", produces = "text/csv")
	ResponseEntity<String> disclosureCatalogCsv() {
		return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"disclosure-catalog.csv\"")
				.body(DisclosureCsv.of(catalog.current().disclosureCatalog()));
	}

	private ItemSummary summary(Guide guide) {
		return new ItemSummary(guide.code(), guide.name(), guide.type().label(), guide.department().name(),
				guide.timeLimit().kind(), properties.guideUrl(guide.code()));
	}
}
