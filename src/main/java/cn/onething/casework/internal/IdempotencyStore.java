package cn.onething.casework.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.onething.casework.IdempotencyKey;
import cn.onething.casework.Upload;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * casework_idempotency: which case a key filed, and with what request. A key is claimed inside the transaction that
 * files the case, before the case: a concurrent request with the same key waits on the row until that transaction
 * ends, then sees the key taken (or free again, if it rolled back). Keys older than {@code cutoff} count as free.
 */
@Component
public class IdempotencyStore {

	/** The case a key filed and the hash of the request that filed it. */
	public record Claim(String requestHash, String caseId) {
	}

	private final DatabaseClient db;
	private final JsonMapper json;

	IdempotencyStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Claims the key for the case about to be filed; emits false when a live key (created after {@code cutoff}) holds
	 * it. An expired row is taken over in place.
	 */
	public Mono<Boolean> claim(IdempotencyKey key, String requestHash, String caseId, Instant now, Instant cutoff) {
		return db.sql("""
				insert into casework_idempotency (channel, idempotency_key, request_hash, application_id, created_at)
				values (:channel, :key, :hash, :case, :now)
				on conflict (channel, idempotency_key) do update
				  set request_hash = excluded.request_hash, application_id = excluded.application_id, created_at = excluded.created_at
				  where casework_idempotency.created_at < :cutoff
				""")
				.bind("channel", key.channel()).bind("key", key.value()).bind("hash", requestHash)
				.bind("case", UUID.fromString(caseId)).bind("now", now).bind("cutoff", cutoff)
				.fetch().rowsUpdated()
				.map(rows -> rows == 1);
	}

	/** The live claim of a key. */
	public Mono<Claim> find(IdempotencyKey key, Instant cutoff) {
		return db.sql("""
				select request_hash, application_id from casework_idempotency
				where channel = :channel and idempotency_key = :key and created_at >= :cutoff
				""")
				.bind("channel", key.channel()).bind("key", key.value()).bind("cutoff", cutoff)
				.map(row -> new Claim(row.get("request_hash", String.class), row.get("application_id", UUID.class).toString()))
				.one();
	}

	/** Deletes keys that have expired; emits how many. */
	public Mono<Long> deleteExpired(Instant cutoff) {
		return db.sql("delete from casework_idempotency where created_at < :cutoff").bind("cutoff", cutoff)
				.fetch().rowsUpdated();
	}

	/**
	 * A fingerprint of what is filed: the bundle, the answers and the files (by content). Two requests with the same
	 * fingerprint file the same application, whatever order their fields came in.
	 */
	public String requestHash(String bundleId, Map<String, String> form, List<Upload> uploads) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("bundle", bundleId);
		request.put("form", new TreeMap<>(form));
		request.put("materials", uploads.stream()
				.map(upload -> List.of(upload.materialKey(), upload.fileName(), MaterialFiles.sha256(upload.content())))
				.sorted(Comparator.comparing(Object::toString))
				.toList());
		return MaterialFiles.sha256(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
	}
}
