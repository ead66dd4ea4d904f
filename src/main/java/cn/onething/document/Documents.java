package cn.onething.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.document.pdf.CompendiumWriter;
import cn.onething.document.pdf.FontChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The document module's facade: printed documents as {@code Mono}s, for pages and downloads. Only the compendium so
 * far.
 */
@Service
public class Documents implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Documents.class);
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	/** A handful of versions and selections: the whole sample catalogue prints to about 1 MB, 1,000 guides to 7 MB. */
	private static final int CACHED_COMPENDIUMS = 8;

	/**
	 * OpenPDF is blocking, CPU-bound work of seconds for a whole catalogue: it runs here, never on a request thread.
	 * Two threads keep a second print job from waiting behind the first without letting a burst of downloads take
	 * every core; further jobs queue.
	 */
	private final Scheduler rendering = Schedulers.newBoundedElastic(2, 64, "documents");
	/**
	 * Compendiums by catalogue version and selection, so a reprint of the same version is instant and concurrent
	 * requests share one rendering. In memory for now: a restart renders again.
	 */
	private final Map<CacheKey, Mono<Compendium>> compendiums = Collections.synchronizedMap(
			new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<CacheKey, Mono<Compendium>> eldest) {
					return size() > CACHED_COMPENDIUMS;
				}
			});
	private final Catalog catalog;
	private final CompendiumWriter writer;

	Documents(Catalog catalog, CatalogProperties properties) {
		this.catalog = catalog;
		this.writer = new CompendiumWriter(FontChain.shipped(), properties);
	}

	private record CacheKey(long catalogVersion, CompendiumSelection selection) {
	}

	/** The compendium of the current catalogue, or empty when the selected domain or department is not in it. */
	public Mono<Compendium> compendium(CompendiumSelection selection) {
		CatalogSnapshot snapshot = catalog.current();
		if (selection.contents(snapshot).isEmpty()) {
			return Mono.empty();
		}
		CacheKey key = new CacheKey(snapshot.importId(), selection);
		return compendiums.computeIfAbsent(key, k -> render(snapshot, selection, k));
	}

	private Mono<Compendium> render(CatalogSnapshot snapshot, CompendiumSelection selection, CacheKey key) {
		return Mono.fromCallable(() -> writer.write(snapshot, selection, LocalDate.now(CHINA)))
				.subscribeOn(rendering)
				.doOnNext(this::reportMissingCharacters)
				// A failed rendering is not kept: the next request tries again.
				.doOnError(error -> compendiums.remove(key))
				.cache();
	}

	private void reportMissingCharacters(Compendium compendium) {
		if (!compendium.missingCharacters().isEmpty()) {
			log.warn("{} (catalogue version {}) prints 〓 for characters no shipped font has: {}", compendium.title(),
					compendium.catalogVersion(), compendium.missingCharacters());
		}
	}

	@Override
	public void destroy() {
		rendering.dispose();
	}
}
