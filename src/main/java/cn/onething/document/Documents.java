package cn.onething.document;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.onething.bundle.BundleSnapshot;
import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogProperties;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.document.internal.CompendiumKey;
import cn.onething.document.internal.CompendiumStore;
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
	/** Far longer than printing the largest catalogue takes (seconds), short enough for a dead replica's job. */
	private static final Duration PRINTING_LEASE = Duration.ofMinutes(2);
	private static final Duration WAITING_FOR_ANOTHER_REPLICA = Duration.ofMillis(500);

	/**
	 * OpenPDF is blocking, CPU-bound work of seconds for a whole catalogue: it runs here, never on a request thread.
	 * Two threads keep a second print job from waiting behind the first without letting a burst of downloads take
	 * every core; further jobs queue.
	 */
	private final Scheduler rendering = Schedulers.newBoundedElastic(2, 64, "documents");
	/**
	 * Compendiums by catalogue version, bundles version and selection, so a reprint of the same versions is instant
	 * and concurrent requests share one rendering; behind it the table every replica shares, so the book is printed
	 * once for all of them and survives a restart.
	 */
	private final Map<CompendiumKey, Mono<Compendium>> compendiums = Collections.synchronizedMap(
			new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<CompendiumKey, Mono<Compendium>> eldest) {
					return size() > CACHED_COMPENDIUMS;
				}
			});
	private final Catalog catalog;
	private final Bundles bundles;
	private final CompendiumWriter writer;
	private final CompendiumStore store;
	private final Clock clock;
	private final String replica = "documents-" + UUID.randomUUID();

	Documents(Catalog catalog, Bundles bundles, CatalogProperties properties, CompendiumStore store,
			Optional<Clock> clock) {
		this.catalog = catalog;
		this.bundles = bundles;
		this.writer = new CompendiumWriter(FontChain.shipped(), properties);
		this.store = store;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * The compendium of the current catalogue and bundles, or empty when the selected domain, department or bundle is
	 * not in them.
	 */
	public Mono<Compendium> compendium(CompendiumSelection selection) {
		CatalogSnapshot catalogue = catalog.current();
		BundleSnapshot oneThings = bundles.current();
		if (selection.contents(catalogue, oneThings).isEmpty()) {
			return Mono.empty();
		}
		CompendiumKey key = new CompendiumKey(catalogue.importId(), oneThings.importId(), selection);
		return compendiums.computeIfAbsent(key, k -> obtain(catalogue, oneThings, k));
	}

	/**
	 * The stored book; or, if nobody has printed it, printed here under a lease and stored; or, while another replica
	 * prints it, that replica's book once stored (asked again every {@link #WAITING_FOR_ANOTHER_REPLICA}; a replica
	 * that dies while printing lets its lease run out, and the next ask takes the printing over).
	 */
	private Mono<Compendium> obtain(CatalogSnapshot catalogue, BundleSnapshot oneThings, CompendiumKey key) {
		Mono<Compendium> printedHere = store.claim(key, replica, PRINTING_LEASE)
				.filter(Boolean::booleanValue)
				.flatMap(claimed -> render(catalogue, oneThings, key.selection())
						.flatMap(book -> store.save(book, replica).thenReturn(book))
						.onErrorResume(error -> store.release(key, replica).then(Mono.error(error))));
		return store.find(key)
				.switchIfEmpty(printedHere)
				.repeatWhenEmpty(waits -> waits.take(PRINTING_LEASE.dividedBy(WAITING_FOR_ANOTHER_REPLICA) * 2)
						.delayElements(WAITING_FOR_ANOTHER_REPLICA))
				.switchIfEmpty(Mono.error(() -> new IllegalStateException("gave up waiting for another replica to print " + key)))
				// A failed printing is not kept: the next request tries again.
				.doOnError(error -> compendiums.remove(key))
				.cache();
	}

	private Mono<Compendium> render(CatalogSnapshot catalogue, BundleSnapshot oneThings, CompendiumSelection selection) {
		return Mono.fromCallable(() -> writer.write(catalogue, oneThings, selection, LocalDate.now(clock.withZone(CHINA))))
				.subscribeOn(rendering)
				.doOnNext(this::reportMissingCharacters);
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
