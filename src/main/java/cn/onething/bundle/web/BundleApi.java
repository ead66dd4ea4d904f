package cn.onething.bundle.web;

import java.util.List;
import java.util.Map;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.BundleVersion;
import cn.onething.bundle.Bundles;
import cn.onething.catalog.CatalogProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Bundles as JSON for the regional platform, kiosks and systems that file applications by API. */
@RestController
@RequestMapping("/api/bundles")
@Tag(name = "bundle", description = "一件事")
class BundleApi {

	private final Bundles bundles;
	private final CatalogProperties properties;

	BundleApi(Bundles bundles, CatalogProperties properties) {
		this.bundles = bundles;
		this.properties = properties;
	}

	record BundleSummary(String id, int version, String name, List<String> aliases, String leadDepartmentId,
			List<String> itemCodes, int committedLimit, boolean partialOutcomes, String url, String formSchema) {
	}

	@Operation(summary = "全部一件事")
	@GetMapping
	List<BundleSummary> list() {
		return bundles.current().bundles().stream()
				.map(b -> new BundleSummary(b.id(), b.version(), b.name(), b.aliases(), b.leadDepartmentId(),
						b.items().stream().map(BundleItem::code).toList(), b.committedLimit(), b.partialOutcomes(),
						properties.publicBaseUrl() + "/bundles/" + b.id(), schemaUrl(b.id())))
				.toList();
	}

	@Operation(summary = "一件事的现行版本：事项、一张表单、合并后的材料、审批步骤")
	@GetMapping("/{id}")
	Bundle bundle(@PathVariable String id) {
		return bundles.bundle(id).orElseThrow(() -> unknown(id));
	}

	@Operation(summary = "一件事的某个版本（申请按其提交时的版本办理）")
	@GetMapping("/{id}/versions/{version}")
	Mono<Bundle> version(@PathVariable String id, @PathVariable int version) {
		return bundles.version(id, version).map(BundleVersion::bundle)
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"bundle " + id + " has no version " + version)));
	}

	@Operation(summary = "一张表单的 JSON Schema（draft 2020-12）")
	@GetMapping(value = "/{id}/form-schema", produces = { "application/schema+json", "application/json" })
	Map<String, Object> formSchema(@PathVariable String id) {
		return FormJsonSchema.of(bundle(id), schemaUrl(id));
	}

	private String schemaUrl(String id) {
		return properties.publicBaseUrl() + "/api/bundles/" + id + "/form-schema";
	}

	private static ResponseStatusException unknown(String id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown bundle " + id);
	}
}
