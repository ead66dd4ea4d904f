package cn.onething.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.internal.CatalogImporter;
import cn.onething.catalog.internal.CatalogReview;
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
 * imports (it polls the latest import id), so pages never wait on the database for content. With review before
 * publication switched on, a changed catalogue waits as a {@link CatalogDraft} until a reviewer approves it.
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
	private final CatalogReview review;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private volatile boolean loaded;

	Catalog(CatalogProperties properties, CatalogImporter importer, CatalogStore store, CatalogReview review,
			ApplicationEventPublisher events, Optional<Clock> clock) {
		this.properties = properties;
		this.importer = importer;
		this.store = store;
		this.review = review;
		this.events = events;
		this.clock = clock.orElse(Clock.system(ZoneId.of("Asia/Shanghai")));
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
				.flatMap(folder -> submit(folder, source));
	}

	/**
	 * Publishes a catalogue read from files or built from the regional platform, or, with review switched on, makes
	 * it a draft for review; a folder with any problem changes nothing.
	 */
	public Mono<ImportResult> submit(GuideFolder folder, String source) {
		Mono<ImportResult> outcome = !folder.isValid() ? Mono.just(ImportResult.rejected(folder.problems()))
				: properties.reviewBeforePublication() ? review.submit(folder, source, today())
				: importer.importFolder(folder, source);
		return outcome.doOnNext(this::logOutcome)
				.doOnNext(lastImport::set)
				.flatMap(result -> reload().thenReturn(result));
	}

	/** The latest drafts, newest first, whatever their status. */
	public Flux<CatalogDraft> drafts() {
		return review.recent(20);
	}

	public Mono<CatalogDraft> draft(long id) {
		return review.find(id);
	}

	/** Approves a waiting draft (fails with {@link DraftNotOpen} otherwise); published now or on its effective date. */
	public Mono<CatalogDraft> approve(long id, String reviewer) {
		return review.approve(id, reviewer, today()).flatMap(draft -> reload().thenReturn(draft));
	}

	/** Sends a waiting draft back with reasons (fails with {@link DraftNotOpen} otherwise); it is never published. */
	public Mono<CatalogDraft> sendBack(long id, String reviewer, String reason) {
		return review.sendBack(id, reviewer, reason);
	}

	/** 计划生效日期: approved drafts whose day has come are published by whichever replica gets there first. */
	@Scheduled(fixedDelayString = "${onething.catalog.refresh-interval:30s}")
	void publishDueDrafts() {
		publishDue().subscribe(ok -> { }, error -> log.warn("scheduled publication failed: {}", error.toString()));
	}

	/** How many drafts this call published. */
	Mono<Long> publishDue() {
		return review.publishDue(today()).flatMap(published -> published > 0 ? reload().thenReturn(published) : Mono.just(published));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
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
			case DRAFTED -> log.info("changed guides wait as a draft for review before publication");
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
