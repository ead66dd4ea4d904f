package cn.onething.platform.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

import cn.onething.platform.SyncRecord;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The platform_sync table: one row per attempt, so staff see when the platform was last read successfully. */
@Component
class SyncStore {

	private final DatabaseClient db;
	private final JsonMapper json;

	SyncStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Mono<Void> insert(String source, SyncRecord.Outcome outcome, int items, Object detail, Long draftId) {
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into platform_sync (source, outcome, items, detail, draft_id) values (:source, :outcome, :items, :detail, :draft)
				""").bind("source", source).bind("outcome", outcome.name()).bind("items", items)
				.bind("detail", Json.of(json.writeValueAsString(detail)));
		return (draftId == null ? insert.bindNull("draft", Long.class) : insert.bind("draft", draftId)).then();
	}

	Mono<SyncRecord> latest() {
		return db.sql("select started_at, source, outcome, items, detail, draft_id from platform_sync order by id desc limit 1")
				.map(this::record).one();
	}

	/** The latest sync that read the platform and found its payload usable. */
	Mono<Instant> lastSuccess() {
		return db.sql("select started_at from platform_sync where outcome in ('SUBMITTED', 'UNCHANGED') order by id desc limit 1")
				.map(row -> row.get("started_at", OffsetDateTime.class).toInstant()).one();
	}

	/** The change set recorded by the sync that made the draft, if a sync made it. */
	Mono<String> detailOfDraft(long draftId) {
		return db.sql("select detail from platform_sync where draft_id = :draft order by id desc limit 1").bind("draft", draftId)
				.map(row -> row.get("detail", Json.class).asString()).one();
	}

	private SyncRecord record(Readable row) {
		return new SyncRecord(row.get("started_at", OffsetDateTime.class).toInstant(), row.get("source", String.class),
				SyncRecord.Outcome.valueOf(row.get("outcome", String.class)), row.get("items", Integer.class),
				row.get("detail", Json.class).asString(), row.get("draft_id", Long.class));
	}
}
