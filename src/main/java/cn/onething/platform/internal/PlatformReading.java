package cn.onething.platform.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.platform.ItemProblem;
import cn.onething.platform.PlatformProperties;
import cn.onething.platform.SyncRecord;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads every page of the payload and maps each item, collecting every problem before anything is applied. */
@Component
public class PlatformReading {

	private final PlatformSource source;
	private final SyncStore syncs;
	private final PlatformProperties properties;
	private final PayloadReader payloads;

	PlatformReading(PlatformSource source, SyncStore syncs, PlatformProperties properties, JsonMapper json) {
		this.source = source;
		this.syncs = syncs;
		this.properties = properties;
		this.payloads = new PayloadReader(json);
	}

	/** The platform could not be read at all: no answer, an HTTP error, a missing file. */
	public static class Unreachable extends RuntimeException {
		public Unreachable(Throwable cause) {
			super(cause.toString(), cause);
		}
	}

	/** The mapped items, the fields no guide element takes, and the problems; a usable read has no problems. */
	public record Read(int items, List<ItemMapper.Mapped> mapped, Set<String> unmapped, List<ItemProblem> problems) {
	}

	public Mono<Read> read(CatalogSnapshot current, LocalDate today) {
		ItemMapper mapper = new ItemMapper(current, today);
		List<ItemMapper.Mapped> mapped = new ArrayList<>();
		List<ItemProblem> problems = new ArrayList<>();
		Set<String> unmapped = new HashSet<>();
		AtomicInteger index = new AtomicInteger();
		return source.pages(payloads)
				.doOnNext(page -> {
					problems.addAll(page.problems());
					for (JsonNode item : page.items()) {
						ItemMapper.Mapped one = mapper.map(item, index.getAndIncrement());
						problems.addAll(one.problems());
						unmapped.addAll(one.unmapped());
						if (one.guide() != null) {
							mapped.add(one);
						}
					}
				})
				.then(Mono.fromSupplier(() -> new Read(index.get(), List.copyOf(mapped), unmapped, List.copyOf(problems))));
	}

	public Mono<Void> record(SyncRecord.Outcome outcome, int items, Object detail, Long draftId) {
		return syncs.insert(properties.source(), outcome, items, detail, draftId);
	}

	public Mono<SyncRecord> latest() {
		return syncs.latest();
	}

	public Mono<Instant> lastSuccess() {
		return syncs.lastSuccess();
	}

	public Mono<String> detailOfDraft(long draftId) {
		return syncs.detailOfDraft(draftId);
	}
}
