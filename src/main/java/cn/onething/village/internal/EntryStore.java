package cn.onething.village.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import cn.onething.outbox.Outbox;
import cn.onething.village.Difference;
import cn.onething.village.Entry;
import cn.onething.village.FigureOverride;
import cn.onething.village.Publication;
import cn.onething.village.SharedElement;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The village_* tables: entries, the overridden differences and the audit of publications. */
@Component
public class EntryStore {

	private static final String ENTRY_COLUMNS = "e.id, e.township, e.committee, e.item, e.title, e.content, e.amount, "
			+ "e.standard, e.basis, e.deadline, e.recipients, e.starts_on, e.ends_on, e.objection_channel, "
			+ "e.published_at, e.published_by";

	private final DatabaseClient db;
	private final TransactionalOperator transaction;
	private final Outbox outbox;

	EntryStore(DatabaseClient db, TransactionalOperator transaction, Outbox outbox) {
		this.db = db;
		this.outbox = outbox;
		this.transaction = transaction;
	}

	/** The entry, its overridden differences and the audit line, in one transaction: all of them or none. */
	public Mono<UUID> publish(Publication publication, String publisher) {
		UUID id = UUID.randomUUID();
		var insert = db.sql("""
				insert into village_entry (id, township, committee, item, title, content, amount, standard, basis, deadline,
				    recipients, starts_on, ends_on, objection_channel, published_by)
				values (:id, :township, :committee, :item, :title, :content, :amount, :standard, :basis, :deadline,
				    :recipients, :startsOn, :endsOn, :objection, :publisher)""")
				.bind("id", id).bind("township", publication.committee().townshipId())
				.bind("committee", publication.committee().id()).bind("item", publication.item().id())
				.bind("title", publication.title()).bind("content", publication.content())
				.bind("recipients", publication.recipients().toArray(String[]::new))
				.bind("startsOn", publication.startsOn()).bind("endsOn", publication.endsOn())
				.bind("publisher", publisher);
		for (SharedElement element : SharedElement.values()) {
			insert = bindText(insert, element.key(), publication.figures().get(element));
		}
		insert = bindText(insert, "objection", publication.objectionChannel());
		Mono<Void> differences = Flux.fromIterable(publication.differences())
				.concatMap(difference -> db.sql("""
						insert into village_difference (entry_id, element, village_value, county_value, reason, decided_by)
						values (:entry, :element, :village, :county, :reason, :by)""")
						.bind("entry", id).bind("element", difference.element().name())
						.bind("village", difference.villageFigure()).bind("county", difference.countyFigure())
						.bind("reason", publication.overrideReason()).bind("by", publisher).then())
				.then();
		Mono<Void> audit = db.sql("insert into village_audit (actor, action, entry_id, detail) values (:actor, '发布', :entry, :detail)")
				.bind("actor", publisher).bind("entry", id)
				.bind("detail", publication.item().matter() + "：" + publication.title()
						+ (publication.differences().isEmpty() ? "" : "（与县级公开不一致，理由：" + publication.overrideReason() + "）"))
				.then();
		// followers hear of it only if it is published: the news is written in the entry's transaction
		Mono<Void> news = outbox.append(EntryPublished.KIND, EntryPublished.KIND + ":" + id, new EntryPublished(id));
		return insert.then().then(differences).then(audit).then(news).thenReturn(id).as(transaction::transactional);
	}

	private static DatabaseClient.GenericExecuteSpec bindText(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
		return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
	}

	public Mono<Entry> entry(UUID id) {
		return db.sql("select " + ENTRY_COLUMNS + " from village_entry e where e.id = :id").bind("id", id)
				.map(row -> entry(row)).one();
	}

	/** Entries shown on {@code day}, newest first; {@code township} and {@code committee} narrow them when given. */
	public Flux<Entry> shownOn(LocalDate day, String township, String committee) {
		var select = db.sql("select " + ENTRY_COLUMNS + " from village_entry e where e.starts_on <= :day and e.ends_on >= :day"
				+ " and (cast(:township as text) is null or e.township = :township)"
				+ " and (cast(:committee as text) is null or e.committee = :committee)"
				+ " order by e.starts_on desc, e.published_at desc")
				.bind("day", day);
		select = bindText(select, "township", township);
		select = bindText(select, "committee", committee);
		return select.map(row -> entry(row)).all();
	}

	/** The start of the latest entry per committee and item of a township, keyed as {@code committee/item}. */
	public Mono<Map<String, LocalDate>> latestStarts(String township) {
		return db.sql("select committee, item, max(starts_on) as latest from village_entry where township = :township "
				+ "group by committee, item")
				.bind("township", township)
				.map(row -> Map.entry(row.get("committee", String.class) + "/" + row.get("item", String.class),
						row.get("latest", LocalDate.class)))
				.all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** Figures published against the county's, newest first. */
	public Flux<FigureOverride> overrides(int limit) {
		return db.sql("select " + ENTRY_COLUMNS + ", d.element, d.village_value, d.county_value, d.reason, d.decided_by, "
				+ "d.decided_at from village_difference d join village_entry e on e.id = d.entry_id "
				+ "order by d.decided_at desc, d.id desc limit :limit")
				.bind("limit", limit)
				.map(row -> new FigureOverride(entry(row),
						new Difference(SharedElement.valueOf(row.get("element", String.class)),
								row.get("village_value", String.class), row.get("county_value", String.class)),
						row.get("reason", String.class), row.get("decided_by", String.class),
						row.get("decided_at", OffsetDateTime.class).toInstant()))
				.all();
	}

	private static Entry entry(Readable row) {
		Map<SharedElement, String> figures = new EnumMap<>(SharedElement.class);
		for (SharedElement element : SharedElement.values()) {
			String figure = row.get(element.key(), String.class);
			if (figure != null) {
				figures.put(element, figure);
			}
		}
		Instant publishedAt = row.get("published_at", OffsetDateTime.class).toInstant();
		return new Entry(row.get("id", UUID.class), row.get("township", String.class), row.get("committee", String.class),
				row.get("item", String.class), row.get("title", String.class), row.get("content", String.class), figures,
				Arrays.asList(row.get("recipients", String[].class)), row.get("starts_on", LocalDate.class),
				row.get("ends_on", LocalDate.class), row.get("objection_channel", String.class), publishedAt,
				row.get("published_by", String.class));
	}
}
