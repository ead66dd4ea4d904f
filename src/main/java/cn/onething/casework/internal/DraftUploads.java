package cn.onething.casework.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.onething.casework.Upload;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * casework_draft_upload: the files of a form sent back with a problem, kept so that the form can say they are
 * still chosen. A draft belongs to the one-time key of the form it was chosen on: only that form can attach it.
 */
@Component
public class DraftUploads {

	/** Drafts live as long as a form's one-time key is worth keeping a form open for. */
	static final Duration LIFETIME = Duration.ofDays(1);

	/** A kept file as the form shows it: the token it sends back, and the name the applicant recognises. */
	public record Kept(String token, String fileName) {
	}

	/** A kept file taken back for the form that kept it. */
	public record Draft(Kept kept, Upload upload) {
	}

	private final DatabaseClient db;

	DraftUploads(DatabaseClient db) {
		this.db = db;
	}

	/** Keeps the files for the form with this key; sweeps drafts older than a day on the way. */
	public Mono<Map<String, Kept>> keep(String formKey, List<Upload> uploads) {
		Instant now = Instant.now();
		return db.sql("delete from casework_draft_upload where created_at < :cutoff").bind("cutoff", now.minus(LIFETIME))
				.fetch().rowsUpdated()
				.thenMany(Flux.fromIterable(uploads).concatMap(upload -> {
					UUID token = UUID.randomUUID();
					return db.sql("""
							insert into casework_draft_upload (token, form_key, material_key, file_name, content, created_at)
							values (:token, :form, :material, :name, :content, :now)
							""")
							.bind("token", token).bind("form", formKey).bind("material", upload.materialKey())
							.bind("name", upload.fileName()).bind("content", upload.content()).bind("now", now)
							.fetch().rowsUpdated()
							.thenReturn(Map.entry(upload.materialKey(), new Kept(token.toString(), upload.fileName())));
				}))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * The drafts the form sends back ({@code tokens}: material key → token), those of this form only and still
	 * alive; a token that is malformed, foreign, expired or for another material is ignored (the form then asks for
	 * that file again).
	 */
	public Flux<Draft> take(String formKey, Map<String, String> tokens) {
		return Flux.fromIterable(tokens.entrySet())
				.concatMap(entry -> uuid(entry.getValue()).map(token -> db.sql("""
						select file_name, content from casework_draft_upload
						where token = :token and form_key = :form and material_key = :material and created_at >= :cutoff
						""")
						.bind("token", token).bind("form", formKey).bind("material", entry.getKey())
						.bind("cutoff", Instant.now().minus(LIFETIME))
						.map(row -> {
							Upload upload = new Upload(entry.getKey(), row.get("file_name", String.class), row.get("content", byte[].class));
							return new Draft(new Kept(token.toString(), upload.fileName()), upload);
						})
						.one()).orElse(Mono.empty()));
	}

	/** The form filed its case: its drafts are attached and no longer needed. */
	public Mono<Void> forget(String formKey) {
		return db.sql("delete from casework_draft_upload where form_key = :form").bind("form", formKey).then();
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
