package cn.onething.bundle;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import cn.onething.bundle.bundlefiles.BundleFolderReader;
import cn.onething.bundle.internal.BundleImporter;
import cn.onething.bundle.internal.BundleStore;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogLoaded;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bundle module's facade: the current bundles for pages, the API and casework, stored bundle versions, and the
 * import of guides/bundles/. Bundles name items of the catalogue, so they are imported after every catalogue load
 * and checked against that catalogue: a bundle naming a withdrawn item or material is refused with the rest of the
 * folder, and the previous bundles stay current.
 */
@Service
public class Bundles implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Bundles.class);

	/** Reading guides/bundles/ is blocking file IO: it runs here, never on a request or database thread. */
	private final Scheduler files = Schedulers.newBoundedElastic(2, 16, "bundle-files");
	private final AtomicReference<BundleSnapshot> current = new AtomicReference<>(BundleSnapshot.empty());
	private final Catalog catalog;
	private final CatalogProperties properties;
	private final BundleImporter importer;
	private final BundleStore store;

	Bundles(Catalog catalog, CatalogProperties properties, BundleImporter importer, BundleStore store) {
		this.catalog = catalog;
		this.properties = properties;
		this.importer = importer;
		this.store = store;
	}

	public BundleSnapshot current() {
		return current.get();
	}

	/** The current version of a bundle. */
	public Optional<Bundle> bundle(String id) {
		return current().bundle(id);
	}

	/** A stored version, current or not: what an application filed under it sees. */
	public Mono<BundleVersion> version(String id, int version) {
		return store.version(id, version);
	}

	/**
	 * Validates guides/bundles/ against the current catalogue and imports it; a folder with any problem changes
	 * nothing. Ends by making the stored bundles current on this replica.
	 */
	public Mono<ImportResult> importBundles(String source) {
		CatalogSnapshot catalogue = catalog.current();
		return Mono.fromCallable(() -> BundleFolderReader.read(properties.guidesDir(), catalogue))
				.subscribeOn(files)
				.flatMap(folder -> folder.isValid() ? importer.importFolder(folder, catalogue.importId(), source)
						: Mono.just(ImportResult.rejected(folder.problems())))
				.doOnNext(this::logOutcome)
				.flatMap(result -> reload().thenReturn(result));
	}

	/** Reads the current bundles from the database and makes them the ones pages see. */
	public Mono<BundleSnapshot> reload() {
		return store.latestImportId()
				.flatMap(importId -> store.currentBundles().collectList().map(bundles -> new BundleSnapshot(importId, bundles)))
				.doOnNext(current::set);
	}

	/** A catalogue was made current: re-check the bundles against it (an empty catalogue has nothing to check). */
	@EventListener
	void onCatalogLoaded(CatalogLoaded loaded) {
		Mono<?> next = loaded.importId() == 0 ? reload() : importBundles("catalogue " + loaded.importId());
		next.subscribe(ok -> { }, error -> log.error("bundles could not be loaded after catalogue {}", loaded.importId(), error));
	}

	/** Another replica may have imported bundles: reload when the latest bundle import id moved. */
	@Scheduled(fixedDelayString = "${onething.catalog.refresh-interval:30s}")
	void followOtherReplicas() {
		store.latestImportId()
				.filter(id -> id != current().importId())
				.flatMap(id -> reload())
				.subscribe(ok -> { }, error -> log.warn("bundle refresh failed: {}", error.toString()));
	}

	private void logOutcome(ImportResult result) {
		switch (result.outcome()) {
			case IMPORTED -> log.info("bundles imported: import {} added {} changed {} withdrawn {}",
					result.importId(), result.added(), result.changed(), result.withdrawn());
			case UNCHANGED -> log.info("bundles unchanged since the last import");
			case REJECTED -> {
				log.error("bundles rejected, nothing imported; {} problems:", result.problems().size());
				result.problems().forEach(problem -> log.error("  {}", problem));
			}
		}
	}

	@Override
	public void destroy() {
		files.dispose();
	}
}
