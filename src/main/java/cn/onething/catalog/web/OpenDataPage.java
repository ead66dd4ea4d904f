package cn.onething.catalog.web;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.opendata.OpenDataPackages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** 开放数据: the disclosure column's downloads, the current catalogue's files and every version's package. */
@Controller
class OpenDataPage {

	private final Catalog catalog;
	private final OpenDataPackages packages;

	OpenDataPage(Catalog catalog, OpenDataPackages packages) {
		this.catalog = catalog;
		this.packages = packages;
	}

	@GetMapping("/open-data")
	Mono<Rendering> page() {
		return packages.packages().collectList().map(list -> Rendering.view("catalog/applicant/open-data")
				.modelAttribute("catalog", catalog.current()).modelAttribute("packages", list)
				.modelAttribute("latest", OpenDataApi.latestPath())
				.build());
	}
}
