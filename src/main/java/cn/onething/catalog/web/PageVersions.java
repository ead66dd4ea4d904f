package cn.onething.catalog.web;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Supplier;

import cn.onething.catalog.CatalogSnapshot;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Conditional GETs for the applicant's catalogue pages. A page is a function of its address, the catalogue version,
 * the version of the life events it shows and the release of the service (its templates), so these make its ETag: a
 * phone in the hall that already has the page gets a 304 without a body, which on a weak connection is the difference
 * between an instant page and a blank wait. no-cache makes the browser ask every time instead of showing a page the catalogue has changed since.
 */
@Component
class PageVersions {

	private final String release;
	private final LifeEventsNow lifeEvents;

	PageVersions(Optional<BuildProperties> build, LifeEventsNow lifeEvents) {
		this.lifeEvents = lifeEvents;
		// without build information (run from an IDE) every start is a release of its own: correct, only less cached
		this.release = build.map(info -> info.getVersion() + "." + info.getTime().toEpochMilli())
				.orElse("start." + ManagementFactory.getRuntimeMXBean().getStartTime());
	}

	/** The page, or nothing when the browser's copy is current (Spring then answers 304 without a body). */
	Mono<Rendering> unlessUnchanged(ServerWebExchange exchange, CatalogSnapshot snapshot, Supplier<Rendering> page) {
		exchange.getResponse().getHeaders().setCacheControl(CacheControl.noCache());
		boolean unchanged = exchange.checkNotModified("W/\"" + lifeEvents.contentVersion(snapshot) + "-" + release + "\"");
		return unchanged ? Mono.empty() : Mono.fromSupplier(page);
	}
}
