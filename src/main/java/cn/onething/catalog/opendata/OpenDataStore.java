package cn.onething.catalog.opendata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** catalog_open_data: one kept package per published catalogue version, never updated. */
@Component
class OpenDataStore {

	private static final String SUMMARY = "catalog_version, published_at, approved_by, approved_at, octet_length(archive) as bytes, sha256";

	private final DatabaseClient db;

	OpenDataStore(DatabaseClient db) {
		this.db = db;
	}

	/** The publication of a catalogue version, from its catalog_import row; empty if there is no such version. */
	Mono<Publication> publication(long version) {
		return db.sql("select id, imported_at, approved_by, approved_at from catalog_import where id = :version")
				.bind("version", version)
				.map(row -> new Publication(row.get("id", Long.class), instant(row, "imported_at"),
						row.get("approved_by", String.class), instant(row, "approved_at")))
				.one();
	}

	Mono<Boolean> has(long version) {
		return db.sql("select exists (select 1 from catalog_open_data where catalog_version = :version) as kept")
				.bind("version", version).map(row -> row.get("kept", Boolean.class)).one();
	}

	/** The first package kept for a version stays: another replica's build of it is the same bytes anyway. */
	Mono<Void> keep(Publication publication, byte[] archive) {
		DatabaseClient.GenericExecuteSpec insert = db.sql("""
				insert into catalog_open_data (catalog_version, published_at, approved_by, approved_at, archive, sha256)
				values (:version, :publishedAt, :approvedBy, :approvedAt, :archive, :sha256)
				on conflict (catalog_version) do nothing
				""")
				.bind("version", publication.version()).bind("publishedAt", publication.publishedAt())
				.bind("archive", archive).bind("sha256", PackageBuilder.sha256(archive));
		insert = publication.approvedBy() == null ? insert.bindNull("approvedBy", String.class) : insert.bind("approvedBy", publication.approvedBy());
		insert = publication.approvedAt() == null ? insert.bindNull("approvedAt", Instant.class) : insert.bind("approvedAt", publication.approvedAt());
		return insert.then();
	}

	Mono<OpenDataArchive> find(long version) {
		return db.sql("select " + SUMMARY + ", archive from catalog_open_data where catalog_version = :version")
				.bind("version", version)
				.map(row -> new OpenDataArchive(summary(row), row.get("archive", byte[].class)))
				.one();
	}

	Flux<OpenDataPackage> list() {
		return db.sql("select " + SUMMARY + " from catalog_open_data order by catalog_version desc").map(OpenDataStore::summary).all();
	}

	Mono<Long> latestVersion() {
		return db.sql("select max(catalog_version) as latest from catalog_open_data")
				.map(row -> Optional.ofNullable(row.get("latest", Long.class))).one()
				.flatMap(Mono::justOrEmpty);
	}

	private static OpenDataPackage summary(Readable row) {
		return new OpenDataPackage(row.get("catalog_version", Long.class), instant(row, "published_at"),
				row.get("approved_by", String.class), instant(row, "approved_at"), row.get("bytes", Integer.class),
				row.get("sha256", String.class));
	}

	private static Instant instant(Readable row, String column) {
		OffsetDateTime time = row.get(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}
}
