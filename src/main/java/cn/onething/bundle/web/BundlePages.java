package cn.onething.bundle.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.Bundles;
import cn.onething.bundle.Step;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Department;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;

/**
 * The applicant's bundle pages: what the one thing covers, what to bring once, who decides in which order, and the
 * one form. Server-rendered, readable without JavaScript, from the in-memory bundles.
 */
@Controller
class BundlePages {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Bundles bundles;
	private final Catalog catalog;

	BundlePages(Bundles bundles, Catalog catalog) {
		this.bundles = bundles;
		this.catalog = catalog;
	}

	@GetMapping("/bundles")
	Rendering list() {
		CatalogSnapshot current = catalog.current();
		return Rendering.view("bundle/applicant/list").modelAttribute("catalog", current)
				.modelAttribute("bundles", bundles.current().bundles())
				.modelAttribute("departments", departmentNames(current)).build();
	}

	@GetMapping("/bundles/{id}")
	Rendering bundle(@PathVariable String id) {
		CatalogSnapshot current = catalog.current();
		Bundle bundle = find(id);
		return Rendering.view("bundle/applicant/bundle").modelAttribute("catalog", current)
				.modelAttribute("bundle", bundle)
				.modelAttribute("departments", departmentNames(current))
				.modelAttribute("layers", bundle.plan().layers())
				.modelAttribute("stepNames", bundle.plan().steps().stream().collect(Collectors.toMap(Step::id, Step::name)))
				.modelAttribute("itemNames", bundle.items().stream().collect(Collectors.toMap(BundleItem::code, BundleItem::name)))
				.build();
	}

	/**
	 * The form, with a one-time key that makes submitting it twice file one case. Stored privately without
	 * revalidation on history navigation (no-cache, not the default no-store), so that back and submit again sends the
	 * same key rather than a fresh form's.
	 */
	@GetMapping("/bundles/{id}/form")
	Rendering form(@PathVariable String id) {
		Bundle bundle = find(id);
		return Rendering.view("bundle/applicant/form").modelAttribute("catalog", catalog.current())
				.modelAttribute("bundle", bundle)
				.modelAttribute("labels", bundle.form().labels())
				.modelAttribute("today", LocalDate.now(CHINA).toString())
				.modelAttribute("submissionKey", UUID.randomUUID().toString())
				.header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
				.build();
	}

	private Bundle find(String id) {
		return bundles.bundle(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这件事"));
	}

	private static Map<String, String> departmentNames(CatalogSnapshot current) {
		return current.departments().stream().collect(Collectors.toMap(Department::id, Department::name));
	}
}
