package cn.onething.catalog.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import cn.onething.catalog.GuideVersion;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;
import cn.onething.catalog.model.Hall;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The catalog_* tables. Guides are stored whole as JSON, one row per version, never updated. */
@Component
public class CatalogStore {

	/** Serialises imports across replicas for the length of one transaction. */
	private static final long IMPORT_LOCK = 0x6361_7461_6c6fL;

	private final DatabaseClient db;
	private final JsonMapper json;

	CatalogStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public record StoredItem(String code, int version, boolean withdrawn, String contentHash) {
	}

	public record LatestImport(long id, Instant importedAt, String catalogHash, Hall hall, List<Domain> domains,
			List<Department> departments) {
	}

	public record CurrentGuide(Guide guide, int version) {
	}

	Mono<Void> lockImports() {
		return db.sql("select pg_advisory_xact_lock(:key)").bind("key", IMPORT_LOCK).then();
	}

	public Mono<LatestImport> latestImport() {
		return db.sql("select id, imported_at, catalog_hash, hall, domains, departments from catalog_import order by id desc limit 1")
				.map(row -> new LatestImport(row.get("id", Long.class), instant(row), row.get("catalog_hash", String.class),
						read(row, "hall", new TypeReference<Hall>() { }),
						read(row, "domains", new TypeReference<List<Domain>>() { }),
						read(row, "departments", new TypeReference<List<Department>>() { })))
				.one();
	}

	public Mono<Long> latestImportId() {
		return db.sql("select coalesce(max(id), 0) as id from catalog_import").map(row -> row.get("id", Long.class)).one();
	}

	Flux<StoredItem> storedItems() {
		return db.sql("""
				select i.code, i.current_version, i.withdrawn, v.content_hash
				from catalog_item i join catalog_guide_version v on v.code = i.code and v.version = i.current_version
				""")
				.map(row -> new StoredItem(row.get("code", String.class), row.get("current_version", Integer.class),
						row.get("withdrawn", Boolean.class), row.get("content_hash", String.class)))
				.all();
	}

	public Flux<CurrentGuide> currentGuides() {
		return db.sql("""
				select v.version, v.content
				from catalog_item i join catalog_guide_version v on v.code = i.code and v.version = i.current_version
				where not i.withdrawn order by v.domain_id, v.code
				""")
				.map(row -> new CurrentGuide(read(row, "content", new TypeReference<Guide>() { }), row.get("version", Integer.class)))
				.all();
	}

	Mono<Long> insertImport(String catalogHash, String source, String approvedBy, int added, int changed, int withdrawn, Hall hall,
			List<Domain> domains, List<Department> departments) {
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into catalog_import
				  (catalog_hash, source, added, changed, withdrawn, hall, domains, departments, approved_by, approved_at)
				values (:hash, :source, :added, :changed, :withdrawn, :hall, :domains, :departments, :approvedBy,
				  case when :approvedBy::text is null then null else now() end)
				returning id
				""");
		insert = approvedBy == null ? insert.bindNull("approvedBy", String.class) : insert.bind("approvedBy", approvedBy);
		return insert.bind("hash", catalogHash).bind("source", source).bind("added", added).bind("changed", changed)
				.bind("withdrawn", withdrawn).bind("hall", toJson(hall)).bind("domains", toJson(domains))
				.bind("departments", toJson(departments))
				.map(row -> row.get("id", Long.class)).one();
	}

	Mono<Void> saveVersion(long importId, Guide guide, int version, String contentHash, String sourcePath) {
		Mono<Long> item = db.sql("""
				insert into catalog_item (code, current_version, withdrawn) values (:code, :version, false)
				on conflict (code) do update set current_version = :version, withdrawn = false
				""").bind("code", guide.code()).bind("version", version).fetch().rowsUpdated();
		Mono<Long> row = db.sql("""
				insert into catalog_guide_version
				  (code, version, import_id, content_hash, domain_id, name, effective_date, source_path, content)
				values (:code, :version, :importId, :hash, :domain, :name, :effective, :path, :content)
				""")
				.bind("code", guide.code()).bind("version", version).bind("importId", importId).bind("hash", contentHash)
				.bind("domain", guide.domainId()).bind("name", guide.name()).bind("effective", guide.effectiveDate())
				.bind("path", sourcePath).bind("content", toJson(guide))
				.fetch().rowsUpdated();
		return item.then(row).then();
	}

	Mono<Void> setWithdrawn(String code, boolean withdrawn) {
		return db.sql("update catalog_item set withdrawn = :withdrawn where code = :code")
				.bind("withdrawn", withdrawn).bind("code", code).then();
	}

	public Flux<GuideVersion> versions(String code) {
		return db.sql("""
				select v.code, v.version, i.imported_at, v.source_path, v.content
				from catalog_guide_version v join catalog_import i on i.id = v.import_id
				where v.code = :code order by v.version desc
				""").bind("code", code).map(this::guideVersion).all();
	}

	public Mono<GuideVersion> version(String code, int version) {
		return db.sql("""
				select v.code, v.version, i.imported_at, v.source_path, v.content
				from catalog_guide_version v join catalog_import i on i.id = v.import_id
				where v.code = :code and v.version = :version
				""").bind("code", code).bind("version", version).map(this::guideVersion).one();
	}

	private GuideVersion guideVersion(Readable row) {
		return new GuideVersion(row.get("code", String.class), row.get("version", Integer.class), instant(row),
				row.get("source_path", String.class), read(row, "content", new TypeReference<Guide>() { }));
	}

	public String toJsonText(Object value) {
		return json.writeValueAsString(value);
	}

	Json toJson(Object value) {
		return Json.of(toJsonText(value));
	}

	<T> T read(Readable row, String column, TypeReference<T> type) {
		return json.readValue(row.get(column, Json.class).asString(), type);
	}

	private static Instant instant(Readable row) {
		return row.get("imported_at", OffsetDateTime.class).toInstant();
	}
}
