package cn.onething.catalog;

import java.util.concurrent.atomic.AtomicReference;

import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.internal.CatalogImporter;
import cn.onething.catalog.internal.CatalogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The catalogue module's facade: the current catalogue for pages and the API, imports of the guides folder, and
 * stored guide versions. Every replica keeps the current catalogue in memory and reloads it when any replica
 * imports (it polls the latest import id), so pages never wait on the database for content.
 */
@Service
public class Catalog implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	/** Reading the guides folder is blocking file IO: it runs here, never on a request thread. */
	private final Scheduler files = Schedulers.newBoundedElastic(2, 16, "catalog-files");
	private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>(CatalogSnapshot.empty());
	private final AtomicReference<ImportResult> lastImport = new AtomicReference<>();
	private volatile Disposable startupLoad;
	private final CatalogProperties properties;
	private final CatalogImporter importer;
	private final CatalogStore store;
	private final ApplicationEventPublisher events;
	private volatile boolean loaded;

	Catalog(CatalogProperties properties, CatalogImporter importer, CatalogStore store, ApplicationEventPublisher events) {
		this.properties = properties;
		this.importer = importer;
		this.store = store;
		this.events = events;
	}

	public CatalogSnapshot current() {
		return current.get();
	}

	/** True once the catalogue has been read from the database after start-up. */
	public boolean isLoaded() {
		return loaded;
	}

	/** The outcome of the latest import this replica ran, or null if it ran none. */
	public ImportResult lastImport() {
		return lastImport.get();
	}

	/** Validates and imports the configured guides folder; a folder with any problem changes nothing. */
	public Mono<ImportResult> importGuides(String source) {
		return Mono.fromCallable(() -> GuideFolderReader.read(properties.guidesDir()))
				.subscribeOn(files)
				.flatMap(folder -> importFolder(folder, source))
				.doOnNext(this::logOutcome)
				.doOnNext(lastImport::set)
				.flatMap(result -> reload().thenReturn(result));
	}

	private Mono<ImportResult> importFolder(GuideFolder folder, String source) {
		return folder.isValid() ? importer.importFolder(folder, source) : Mono.just(ImportResult.rejected(folder.problems()));
	}

	public Flux<GuideVersion> versions(String code) {
		return store.versions(code);
	}

	public Mono<GuideVersion> version(String code, int version) {
		return store.version(code, version);
	}

	/** Reads the current catalogue from the database and makes it the one pages see. */
	public Mono<CatalogSnapshot> reload() {
		return store.latestImport()
				.flatMap(latest -> store.currentGuides().collectList().map(guides -> new CatalogSnapshot(latest.id(),
						latest.importedAt(), latest.hall(), latest.domains(), latest.departments(),
						guides.stream().map(CatalogStore.CurrentGuide::guide).toList(),
						guides.stream().collect(java.util.stream.Collectors.toMap(g -> g.guide().code(), CatalogStore.CurrentGuide::version)))))
				.defaultIfEmpty(CatalogSnapshot.empty())
				.doOnNext(snapshot -> {
					current.set(snapshot);
					loaded = true;
					events.publishEvent(new CatalogLoaded(snapshot.importId()));
				});
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadOnStartup() {
		Mono<?> start = properties.importOnStartup() ? importGuides("start-up") : reload();
		startupLoad = start.subscribe(ok -> { }, error -> log.error("catalogue could not be loaded at start-up", error));
	}

	/** Another replica may have imported: reload when the latest import id moved. */
	@Scheduled(fixedDelayString = "${onething.catalog.refresh-interval:30s}")
	void followOtherReplicas() {
		store.latestImportId()
				.filter(id -> id != current().importId())
				.flatMap(id -> reload())
				.subscribe(ok -> { }, error -> log.warn("catalogue refresh failed: {}", error.toString()));
	}

	private void logOutcome(ImportResult result) {
		switch (result.outcome()) {
			case IMPORTED -> log.info("guides imported from {}: import {} added {} changed {} withdrawn {}",
					properties.guidesDir(), result.importId(), result.added(), result.changed(), result.withdrawn());
			case UNCHANGED -> log.info("guides in {} unchanged since the last import", properties.guidesDir());
			case REJECTED -> {
				log.error("guides in {} rejected, nothing imported; {} problems:", properties.guidesDir(), result.problems().size());
				result.problems().forEach(problem -> log.error("  {}", problem));
			}
		}
	}

	@Override
	public void destroy() {
		// a short-lived application (the accounts command line) may close before its load is done: stopped here, it
		// does not go on to fail on the closed connection pool with an error in the command's output
		Disposable load = startupLoad;
		if (load != null) {
			load.dispose();
		}
		files.dispose();
	}
}
