package cn.onething.bundle.internal;

import java.time.OffsetDateTime;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleVersion;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The bundle_* tables. Bundles are stored whole as JSON, one row per version, never updated. */
@Component
public class BundleStore {

	/** Serialises bundle imports across replicas for the length of one transaction. */
	private static final long IMPORT_LOCK = 0x6275_6e64_6c65L;

	private final DatabaseClient db;
	private final JsonMapper json;

	BundleStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	record StoredBundle(String id, int version, boolean withdrawn, String contentHash) {
	}

	Mono<Void> lockImports() {
		return db.sql("select pg_advisory_xact_lock(:key)").bind("key", IMPORT_LOCK).then();
	}

	Mono<String> latestHash() {
		return db.sql("select bundles_hash from bundle_import order by id desc limit 1")
				.map(row -> row.get("bundles_hash", String.class)).one();
	}

	public Mono<Long> latestImportId() {
		return db.sql("select coalesce(max(id), 0) as id from bundle_import").map(row -> row.get("id", Long.class)).one();
	}

	Flux<StoredBundle> storedBundles() {
		return db.sql("""
				select c.id, c.current_version, c.withdrawn, v.content_hash
				from bundle_current c join bundle_version v on v.id = c.id and v.version = c.current_version
				""")
				.map(row -> new StoredBundle(row.get("id", String.class), row.get("current_version", Integer.class),
						row.get("withdrawn", Boolean.class), row.get("content_hash", String.class)))
				.all();
	}

	public Flux<Bundle> currentBundles() {
		return db.sql("""
				select v.content
				from bundle_current c join bundle_version v on v.id = c.id and v.version = c.current_version
				where not c.withdrawn order by v.source_path
				""")
				.map(this::bundle)
				.all();
	}

	Mono<Long> insertImport(String bundlesHash, long catalogImportId, String source, int added, int changed, int withdrawn) {
		return db.sql("""
				insert into bundle_import (bundles_hash, catalog_import_id, source, added, changed, withdrawn)
				values (:hash, :catalogImportId, :source, :added, :changed, :withdrawn) returning id
				""")
				.bind("hash", bundlesHash).bind("catalogImportId", catalogImportId).bind("source", source)
				.bind("added", added).bind("changed", changed).bind("withdrawn", withdrawn)
				.map(row -> row.get("id", Long.class)).one();
	}

	/** Stores {@code bundle} (already carrying its new version number) and makes it the current one. */
	Mono<Void> saveVersion(long importId, Bundle bundle, String contentHash, String sourcePath) {
		Mono<Long> current = db.sql("""
				insert into bundle_current (id, current_version, withdrawn) values (:id, :version, false)
				on conflict (id) do update set current_version = :version, withdrawn = false
				""").bind("id", bundle.id()).bind("version", bundle.version()).fetch().rowsUpdated();
		Mono<Long> row = db.sql("""
				insert into bundle_version (id, version, import_id, content_hash, name, source_path, content)
				values (:id, :version, :importId, :hash, :name, :path, :content)
				""")
				.bind("id", bundle.id()).bind("version", bundle.version()).bind("importId", importId)
				.bind("hash", contentHash).bind("name", bundle.name()).bind("path", sourcePath)
				.bind("content", Json.of(toJsonText(bundle)))
				.fetch().rowsUpdated();
		return current.then(row).then();
	}

	Mono<Void> setWithdrawn(String id, boolean withdrawn) {
		return db.sql("update bundle_current set withdrawn = :withdrawn where id = :id")
				.bind("withdrawn", withdrawn).bind("id", id).then();
	}

	public Mono<BundleVersion> version(String id, int version) {
		return db.sql("""
				select id, version, imported_at, source_path, content from bundle_version
				where id = :id and version = :version
				""").bind("id", id).bind("version", version)
				.map(row -> new BundleVersion(row.get("id", String.class), row.get("version", Integer.class),
						row.get("imported_at", OffsetDateTime.class).toInstant(), row.get("source_path", String.class),
						bundle(row)))
				.one();
	}

	String toJsonText(Object value) {
		return json.writeValueAsString(value);
	}

	private Bundle bundle(Readable row) {
		return json.readValue(row.get("content", Json.class).asString(), Bundle.class);
	}
}
