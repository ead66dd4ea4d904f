package cn.onething.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogDraft;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.ImportResult;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.platform.internal.PlatformReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The platform module's facade: reads the platform's items, maps them onto guides, and hands the catalogue the
 * merged result (published, or a draft when review is on). A payload with any problem applies nothing; an
 * unreachable platform leaves the catalogue as it is.
 */
@Service
public class PlatformSync {

	private static final Logger log = LoggerFactory.getLogger(PlatformSync.class);

	private final PlatformProperties properties;
	private final PlatformReading reading;
	private final Catalog catalog;
	private final Clock clock;

	PlatformSync(PlatformProperties properties, PlatformReading reading, Catalog catalog, Optional<Clock> clock) {
		this.properties = properties;
		this.reading = reading;
		this.catalog = catalog;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public boolean configured() {
		return properties.configured();
	}

	public Mono<SyncResult> sync() {
		if (!properties.configured()) {
			return Mono.error(new IllegalStateException("onething.platform.endpoint or onething.platform.file is not set"));
		}
		CatalogSnapshot current = catalog.current();
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		return reading.read(current, today)
				.flatMap(read -> read.problems().isEmpty() ? apply(current, read)
						: reading.record(SyncRecord.Outcome.REJECTED, read.items(), read.problems(), null)
								.thenReturn(new SyncResult(SyncRecord.Outcome.REJECTED, null, read.problems(), null)))
				.onErrorResume(PlatformReading.Unreachable.class, unreachable -> {
					log.warn("regional platform unreachable at {}: {}", properties.source(), unreachable.getMessage());
					return reading.record(SyncRecord.Outcome.UNREACHABLE, 0, Map.of("error", unreachable.getMessage()), null)
							.thenReturn(new SyncResult(SyncRecord.Outcome.UNREACHABLE, null, List.of(), unreachable.getMessage()));
				});
	}

	/** Keeps the catalogue in step, and withdraws items whose plan_cancel_date has come (docs/platform.md §3). */
	@Scheduled(fixedDelayString = "${onething.platform.sync-interval:6h}", initialDelayString = "${onething.platform.sync-interval:6h}")
	void syncOnSchedule() {
		if (configured()) {
			sync().subscribe(result -> log.info("scheduled platform sync: {}", result.outcome()),
					error -> log.warn("scheduled platform sync failed: {}", error.toString()));
		}
	}

	public Mono<SyncRecord> latest() {
		return reading.latest();
	}

	public Mono<Instant> lastSuccess() {
		return reading.lastSuccess();
	}

	/** The change set and notes the sync that made this draft recorded, as JSON; empty for drafts made from files. */
	public Mono<String> syncDetailOf(CatalogDraft draft) {
		return reading.detailOfDraft(draft.id());
	}

	private Mono<SyncResult> apply(CatalogSnapshot current, PlatformReading.Read read) {
		PlatformReading.Proposal proposal = read.proposal(current);
		ChangeSet changes = proposal.changes();
		if (changes.isEmpty()) {
			return reading.record(SyncRecord.Outcome.UNCHANGED, read.items(), changes, null)
					.thenReturn(new SyncResult(SyncRecord.Outcome.UNCHANGED, changes, List.of(), null));
		}
		List<GuideFolder.SourcedGuide> guides = new ArrayList<>();
		proposal.guides().forEach(guide -> guides.add(new GuideFolder.SourcedGuide(guide, "platform/" + guide.domainId() + "/" + guide.code())));
		GuideFolder folder = new GuideFolder(current.hall(), current.domains(), current.departments(), guides, List.of());
		return catalog.submit(folder, "platform " + properties.source())
				.flatMap(result -> result.outcome() == ImportResult.Outcome.DRAFTED
						? catalog.drafts().next().map(CatalogDraft::id) : Mono.<Long>empty())
				.map(Optional::of).defaultIfEmpty(Optional.empty())
				.flatMap(draftId -> reading.record(SyncRecord.Outcome.SUBMITTED, read.items(), changes, draftId.orElse(null)))
				.thenReturn(new SyncResult(SyncRecord.Outcome.SUBMITTED, changes, List.of(), null));
	}
}
