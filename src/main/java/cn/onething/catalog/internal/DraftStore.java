package cn.onething.catalog.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.onething.catalog.CatalogDraft;
import cn.onething.catalog.guidefiles.GuideFolder;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** The catalog_draft table: drafts are inserted, decided once, and never deleted. */
@Component
class DraftStore {

	private static final String COLUMNS = "id, created_at, source, status, publish_on, reviewer, decided_at, reason, import_id, folder";

	private final DatabaseClient db;
	private final CatalogStore catalog;

	DraftStore(DatabaseClient db, CatalogStore catalog) {
		this.db = db;
		this.catalog = catalog;
	}

	/** The content hash of the newest draft still waiting or scheduled, or empty. */
	Mono<String> openDraftHash() {
		return db.sql("select catalog_hash from catalog_draft where status in ('PENDING', 'APPROVED') order by id desc limit 1")
				.map(row -> row.get("catalog_hash", String.class)).one();
	}

	/** Replaces every open draft: a new draft is built from the files or the platform as they are now. */
	Mono<Long> insert(String catalogHash, String source, GuideFolder folder, LocalDate publishOn) {
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into catalog_draft (source, catalog_hash, folder, publish_on)
				values (:source, :hash, :folder, :publishOn) returning id
				""").bind("source", source).bind("hash", catalogHash).bind("folder", catalog.toJson(folder));
		insert = publishOn == null ? insert.bindNull("publishOn", LocalDate.class) : insert.bind("publishOn", publishOn);
		return db.sql("update catalog_draft set status = 'SUPERSEDED' where status in ('PENDING', 'APPROVED')").then()
				.then(insert.map(row -> row.get("id", Long.class)).one());
	}

	Flux<CatalogDraft> recent(int limit) {
		return db.sql("select " + COLUMNS + " from catalog_draft order by id desc limit :limit")
				.bind("limit", limit).map(this::draft).all();
	}

	Mono<CatalogDraft> find(long id) {
		return db.sql("select " + COLUMNS + " from catalog_draft where id = :id").bind("id", id).map(this::draft).one();
	}

	/** Locks the draft's row for a decision in the caller's transaction: two reviewers cannot both decide it. */
	Mono<CatalogDraft> lock(long id) {
		return db.sql("select " + COLUMNS + " from catalog_draft where id = :id for update").bind("id", id).map(this::draft).one();
	}

	Flux<Long> approvedAndDue(LocalDate today) {
		return db.sql("select id from catalog_draft where status = 'APPROVED' and publish_on <= :today order by id")
				.bind("today", today).map(row -> row.get("id", Long.class)).all();
	}

	Mono<Void> decide(long id, CatalogDraft.Status status, String reviewer, String reason) {
		DatabaseClient.GenericExecuteSpec update = db.sql("""
				update catalog_draft set status = :status, reviewer = :reviewer, decided_at = now(), reason = :reason
				where id = :id
				""").bind("id", id).bind("status", status.name()).bind("reviewer", reviewer);
		return (reason == null ? update.bindNull("reason", String.class) : update.bind("reason", reason)).then();
	}

	Mono<Void> published(long id, Long importId) {
		DatabaseClient.GenericExecuteSpec update = db.sql("update catalog_draft set status = 'PUBLISHED', import_id = :importId where id = :id")
				.bind("id", id);
		return (importId == null ? update.bindNull("importId", Long.class) : update.bind("importId", importId)).then();
	}

	private CatalogDraft draft(Readable row) {
		OffsetDateTime decidedAt = row.get("decided_at", OffsetDateTime.class);
		return new CatalogDraft(row.get("id", Long.class), row.get("created_at", OffsetDateTime.class).toInstant(),
				row.get("source", String.class), CatalogDraft.Status.valueOf(row.get("status", String.class)),
				row.get("publish_on", LocalDate.class), row.get("reviewer", String.class),
				decidedAt == null ? null : decidedAt.toInstant(), row.get("reason", String.class),
				row.get("import_id", Long.class), catalog.read(row, "folder", new TypeReference<GuideFolder>() { }));
	}
}
