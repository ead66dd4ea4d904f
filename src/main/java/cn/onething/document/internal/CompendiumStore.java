package cn.onething.document.internal;

import java.time.Duration;
import java.util.List;

import cn.onething.document.Compendium;
import cn.onething.document.CompendiumSelection;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document_compendium table: printed books by catalogue version and selection, and the lease of the replica
 * printing one, so that a book is printed once for all replicas.
 */
@Component
public class CompendiumStore {

	private final DatabaseClient db;
	private final JsonMapper json;

	public CompendiumStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** The printed book, or empty while nobody has printed it yet (or someone is printing it). */
	public Mono<Compendium> find(long catalogVersion, CompendiumSelection selection) {
		return db.sql("""
				select pdf, page_count, title, missing_characters from document_compendium
				where catalog_version = :version and selection = :selection and pdf is not null
				""").bind("version", catalogVersion).bind("selection", key(selection))
				.map(row -> new Compendium(row.get("pdf", byte[].class), row.get("page_count", Integer.class),
						row.get("title", String.class), catalogVersion, selection,
						json.readValue(row.get("missing_characters", Json.class).asString(),
								new TypeReference<List<Compendium.MissingCharacter>>() { })))
				.one();
	}

	/**
	 * Takes the printing of a book for {@code owner} for {@code lease}: true when nobody had, or when the one who had
	 * let the lease run out without storing the book (a replica that died while printing). Leases are timed by the
	 * database's clock, so replicas whose clocks disagree still agree on whose lease ran out.
	 */
	public Mono<Boolean> claim(long catalogVersion, CompendiumSelection selection, String owner, Duration lease) {
		return db.sql("""
				insert into document_compendium (catalog_version, selection, rendering_by, lease_until)
				values (:version, :selection, :owner, now() + make_interval(secs => :seconds))
				on conflict (catalog_version, selection) do update
				  set rendering_by = excluded.rendering_by, lease_until = excluded.lease_until
				  where document_compendium.pdf is null and document_compendium.lease_until < now()
				returning rendering_by
				""").bind("version", catalogVersion).bind("selection", key(selection)).bind("owner", owner)
				.bind("seconds", (double) lease.toSeconds())
				.map(row -> row.get("rendering_by", String.class)).one()
				.hasElement();
	}

	/** Stores the book printed under the lease, and forgets the books of older catalogue versions. */
	public Mono<Void> save(Compendium compendium, String owner) {
		return db.sql("""
				update document_compendium
				set pdf = :pdf, page_count = :pages, title = :title, missing_characters = :missing,
				  rendering_by = null, lease_until = null
				where catalog_version = :version and selection = :selection and rendering_by = :owner
				""").bind("pdf", compendium.pdf()).bind("pages", compendium.pageCount()).bind("title", compendium.title())
				.bind("missing", Json.of(json.writeValueAsString(compendium.missingCharacters())))
				.bind("version", compendium.catalogVersion()).bind("selection", key(compendium.selection()))
				.bind("owner", owner)
				.then()
				.then(db.sql("delete from document_compendium where catalog_version < :version")
						.bind("version", compendium.catalogVersion()).then());
	}

	/** Gives up a lease after a failed printing, so that the next request anywhere tries again at once. */
	public Mono<Void> release(long catalogVersion, CompendiumSelection selection, String owner) {
		return db.sql("""
				delete from document_compendium
				where catalog_version = :version and selection = :selection and rendering_by = :owner and pdf is null
				""").bind("version", catalogVersion).bind("selection", key(selection)).bind("owner", owner).then();
	}

	private static String key(CompendiumSelection selection) {
		return selection.id() == null ? selection.scope().name() : selection.scope().name() + ":" + selection.id();
	}
}
