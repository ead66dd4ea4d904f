package cn.onething.document.internal;

import java.time.Duration;
import java.util.List;

import cn.onething.document.Compendium;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document_compendium table: printed books by catalogue version, bundles version and selection, and the lease of
 * the replica printing one, so that a book is printed once for all replicas.
 */
@Component
public class CompendiumStore {

	private static final String KEY = "catalog_version = :version and bundles_version = :bundles and selection = :selection";

	private final DatabaseClient db;
	private final JsonMapper json;

	public CompendiumStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** The printed book, or empty while nobody has printed it yet (or someone is printing it). */
	public Mono<Compendium> find(CompendiumKey key) {
		return bind(db.sql("select pdf, page_count, title, missing_characters from document_compendium where " + KEY
				+ " and pdf is not null"), key)
				.map(row -> new Compendium(row.get("pdf", byte[].class), row.get("page_count", Integer.class),
						row.get("title", String.class), key.catalogVersion(), key.bundlesVersion(), key.selection(),
						json.readValue(row.get("missing_characters", Json.class).asString(),
								new TypeReference<List<Compendium.MissingCharacter>>() { })))
				.one();
	}

	/**
	 * Takes the printing of a book for {@code owner} for {@code lease}: true when nobody had, or when the one who had
	 * let the lease run out without storing the book (a replica that died while printing). Leases are timed by the
	 * database's clock, so replicas whose clocks disagree still agree on whose lease ran out.
	 */
	public Mono<Boolean> claim(CompendiumKey key, String owner, Duration lease) {
		return bind(db.sql("""
				insert into document_compendium (catalog_version, bundles_version, selection, rendering_by, lease_until)
				values (:version, :bundles, :selection, :owner, now() + make_interval(secs => :seconds))
				on conflict (catalog_version, bundles_version, selection) do update
				  set rendering_by = excluded.rendering_by, lease_until = excluded.lease_until
				  where document_compendium.pdf is null and document_compendium.lease_until < now()
				returning rendering_by
				"""), key).bind("owner", owner).bind("seconds", (double) lease.toSeconds())
				.map(row -> row.get("rendering_by", String.class)).one()
				.hasElement();
	}

	/**
	 * Stores the book printed under the lease, and forgets the books of older catalogue or bundle versions: every
	 * replica moves on to the newer imports within a refresh interval.
	 */
	public Mono<Void> save(Compendium compendium, String owner) {
		CompendiumKey key = CompendiumKey.of(compendium);
		return bind(db.sql("update document_compendium set pdf = :pdf, page_count = :pages, title = :title, "
				+ "missing_characters = :missing, rendering_by = null, lease_until = null where rendering_by = :owner and " + KEY), key)
				.bind("pdf", compendium.pdf()).bind("pages", compendium.pageCount()).bind("title", compendium.title())
				.bind("missing", Json.of(json.writeValueAsString(compendium.missingCharacters())))
				.bind("owner", owner)
				.then()
				.then(db.sql("delete from document_compendium where catalog_version < :version or bundles_version < :bundles")
						.bind("version", key.catalogVersion()).bind("bundles", key.bundlesVersion()).then());
	}

	/** Gives up a lease after a failed printing, so that the next request anywhere tries again at once. */
	public Mono<Void> release(CompendiumKey key, String owner) {
		return bind(db.sql("delete from document_compendium where rendering_by = :owner and pdf is null and " + KEY), key)
				.bind("owner", owner).then();
	}

	private static GenericExecuteSpec bind(GenericExecuteSpec statement, CompendiumKey key) {
		return statement.bind("version", key.catalogVersion()).bind("bundles", key.bundlesVersion())
				.bind("selection", key.selectionColumn());
	}
}
