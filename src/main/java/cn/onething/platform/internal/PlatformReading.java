package cn.onething.platform.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Guide;
import cn.onething.platform.ChangeSet;
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

		/**
		 * The catalogue the read proposes (ours, with each mapped item put in or, once cancelled, taken out) and its
		 * change set against {@code current}.
		 */
		public Proposal proposal(CatalogSnapshot current) {
			Map<String, Guide> proposed = new LinkedHashMap<>();
			current.guides().forEach(guide -> proposed.put(guide.code(), guide));
			mapped.forEach(one -> {
				if (one.cancelled()) {
					proposed.remove(one.guide().code());
				}
				else {
					proposed.put(one.guide().code(), one.guide());
				}
			});
			ChangeSet changes = ChangeSet.between(current.guides(), List.copyOf(proposed.values()),
					mapped.stream().flatMap(m -> m.kept().stream()).toList(),
					mapped.stream().flatMap(m -> m.conflicts().stream()).toList(), List.copyOf(new TreeSet<>(unmapped)));
			return new Proposal(List.copyOf(proposed.values()), changes);
		}
	}

	/** The guides a read would make the catalogue, and what changes. */
	public record Proposal(List<Guide> guides, ChangeSet changes) {
	}

	public Mono<Read> read(CatalogSnapshot current, LocalDate today) {
		Reading reading = new Reading(new ItemMapper(current, today));
		return source.pages(payloads).doOnNext(reading::add).then(Mono.fromSupplier(reading::read));
	}

	/**
	 * A payload already in hand (a file a person saved from the platform), read as one page, the same way a sync
	 * reads it; for the write-back command, which runs without the application context.
	 */
	public static Read readPayload(String body, CatalogSnapshot current, LocalDate today) {
		Reading reading = new Reading(new ItemMapper(current, today));
		reading.add(new PayloadReader(JsonMapper.builder().build()).read(body));
		return reading.read();
	}

	/** Maps the items of page after page, keeping every problem. */
	private static final class Reading {

		private final ItemMapper mapper;
		private final List<ItemMapper.Mapped> mapped = new ArrayList<>();
		private final List<ItemProblem> problems = new ArrayList<>();
		private final Set<String> unmapped = new HashSet<>();
		private int index;

		Reading(ItemMapper mapper) {
			this.mapper = mapper;
		}

		void add(PayloadReader.Page page) {
			problems.addAll(page.problems());
			for (JsonNode item : page.items()) {
				ItemMapper.Mapped one = mapper.map(item, index++);
				problems.addAll(one.problems());
				unmapped.addAll(one.unmapped());
				if (one.guide() != null) {
					mapped.add(one);
				}
			}
		}

		Read read() {
			return new Read(index, List.copyOf(mapped), unmapped, List.copyOf(problems));
		}
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
