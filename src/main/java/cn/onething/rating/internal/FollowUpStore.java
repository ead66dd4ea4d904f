package cn.onething.rating.internal;

import java.time.Instant;
import java.util.UUID;

import cn.onething.rating.model.FollowUp;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Follow-ups of bad ratings (差评整改) in rating_follow_up, saved against the revision they were read at. */
@Component
public class FollowUpStore {

	/** A follow-up with the revision it was read at. */
	public record StoredFollowUp(FollowUp followUp, int revision) {
	}

	private final DatabaseClient db;
	private final JsonMapper json;

	FollowUpStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Opens the follow-up unless its rating has one already (the event delivered twice); emits whether it did. */
	public Mono<Boolean> insert(FollowUp followUp) {
		return db.sql("""
				insert into rating_follow_up (id, rating_id, receipt_code, opened_at, due_on, closed_at, revision, state)
				values (:id, :rating, :receipt, :opened, :due, null, 1, :state)
				on conflict (rating_id) do nothing
				""")
				.bind("id", followUp.id()).bind("rating", followUp.ratingId()).bind("receipt", followUp.receiptCode())
				.bind("opened", followUp.openedAt()).bind("due", followUp.dueOn()).bind("state", toJson(followUp))
				.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	/** Saves the new state if nobody saved another since {@code revision} was read; emits whether it did. */
	public Mono<Boolean> update(FollowUp followUp, int revision) {
		var update = db.sql("""
				update rating_follow_up set state = :state, closed_at = :closed, revision = revision + 1
				where id = :id and revision = :revision
				""")
				.bind("id", followUp.id()).bind("revision", revision).bind("state", toJson(followUp));
		update = followUp.closed() == null ? update.bindNull("closed", Instant.class)
				: update.bind("closed", followUp.closed().at());
		return update.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	public Mono<StoredFollowUp> byId(UUID id) {
		return db.sql("select state, revision from rating_follow_up where id = :id").bind("id", id).map(this::stored).one();
	}

	public Mono<StoredFollowUp> byReceiptCode(String receiptCode) {
		return db.sql("select state, revision from rating_follow_up where receipt_code = :receipt").bind("receipt", receiptCode)
				.map(this::stored).one();
	}

	/** Open follow-ups, the earliest due first: overdue ones lead the list. */
	public Flux<FollowUp> open() {
		return db.sql("select state, revision from rating_follow_up where closed_at is null order by due_on, opened_at")
				.map(row -> stored(row).followUp()).all();
	}

	public Flux<FollowUp> recentlyClosed(int limit) {
		return db.sql("select state, revision from rating_follow_up where closed_at is not null order by closed_at desc limit :limit")
				.bind("limit", limit).map(row -> stored(row).followUp()).all();
	}

	private StoredFollowUp stored(Readable row) {
		return new StoredFollowUp(json.readValue(row.get("state", Json.class).asString(), FollowUp.class),
				row.get("revision", Integer.class));
	}

	private Json toJson(FollowUp followUp) {
		return Json.of(json.writeValueAsString(followUp));
	}
}
