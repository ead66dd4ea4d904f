package cn.onething.catalog.opendata;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogLoaded;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dated, versioned open-data packages (docs/open-data.md): one zip per published catalogue version, built when a
 * replica first loads the version (or when it is first asked for) and kept in PostgreSQL. Kept rather than rebuilt:
 * the catalogue tables cannot give back a past version whole (withdrawals are not recorded per version), and a
 * package once downloaded must stay the bytes its checksums were taken from. Building is deterministic, so two
 * replicas building the same version at once store the same bytes; the first one stored wins.
 */
@Service
public class OpenDataPackages implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OpenDataPackages.class);

	/** Serialising, hashing and compressing a version blocks for a moment: never on a request or event-loop thread. */
	private final Scheduler building = Schedulers.newBoundedElastic(2, 16, "catalog-open-data");
	private final Catalog catalog;
	private final OpenDataStore store;
	private final PackageBuilder builder;

	OpenDataPackages(Catalog catalog, OpenDataStore store, JsonMapper json, CatalogProperties properties) {
		this.catalog = catalog;
		this.store = store;
		this.builder = new PackageBuilder(json, properties);
	}

	/** The package of a version; built now if it is the version this replica shows and nobody has built it yet. */
	public Mono<OpenDataArchive> archive(long version) {
		return store.find(version).switchIfEmpty(Mono.defer(() -> {
			CatalogSnapshot current = catalog.current();
			return current.importId() == version ? keep(current).then(store.find(version)) : Mono.empty();
		}));
	}

	/** The newest version with a package, or empty before the first catalogue is published. */
	public Mono<Long> latestVersion() {
		return keepCurrent().then(store.latestVersion());
	}

	/** Every kept package, newest first. */
	public Flux<OpenDataPackage> packages() {
		return keepCurrent().thenMany(store.list());
	}

	@EventListener
	void onCatalogLoaded(CatalogLoaded loaded) {
		keepCurrent().subscribe(ok -> { }, error -> log.warn("open-data package of catalogue version {} not built: {}",
				loaded.importId(), error.toString()));
	}

	private Mono<Void> keepCurrent() {
		CatalogSnapshot current = catalog.current();
		if (current.importId() == 0) {
			return Mono.empty();
		}
		return store.has(current.importId()).flatMap(kept -> kept ? Mono.empty() : keep(current));
	}

	/** Builds the package of a snapshot and keeps it, unless its version has no catalog_import row (any more). */
	private Mono<Void> keep(CatalogSnapshot snapshot) {
		return store.publication(snapshot.importId())
				.flatMap(publication -> Mono.fromCallable(() -> builder.build(snapshot, publication)).subscribeOn(building)
						.flatMap(archive -> store.keep(publication, archive)));
	}

	@Override
	public void destroy() {
		building.dispose();
	}
}
