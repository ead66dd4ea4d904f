package cn.onething.outbox.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import cn.onething.outbox.DeadMessage;
import cn.onething.outbox.OutboxMessage;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox_message table. Times come from the caller's clock, never from the database's now(), so that the retry
 * schedule and the leases follow one clock (and a test can move it).
 */
@Component
public class OutboxStore {

	/** The LISTEN/NOTIFY channel that tells dispatchers about new rows. */
	static final String CHANNEL = "outbox";

	/** Statuses waiting for an attempt; the partial index outbox_message_due covers exactly these. */
	private static final String WAITING = "status in ('published', 'failed', 'resubmitted')";

	private final DatabaseClient db;
	private final JsonMapper json;

	public OutboxStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Inserts a message unless its dedupe key is already there, and then notifies the dispatchers. Inside a
	 * transaction PostgreSQL delivers the notification on commit, so nobody is woken for a row that was rolled back.
	 * A row due later is found by the poll that follows its due time.
	 */
	public Mono<Void> append(UUID id, String kind, String dedupeKey, Object payload, Instant now, Instant dueAt) {
		return db.sql("""
				with appended as (
				  insert into outbox_message (id, kind, dedupe_key, payload, status, next_attempt_at, created_at)
				  values (:id, :kind, :key, :payload, 'published', :due, :now)
				  on conflict (dedupe_key) do nothing
				  returning id)
				select pg_notify('%s', '') from appended
				""".formatted(CHANNEL))
				.bind("id", id).bind("kind", kind).bind("key", dedupeKey)
				.bind("payload", Json.of(json.writeValueAsString(payload))).bind("now", now).bind("due", dueAt)
				.then();
	}

	/**
	 * Leases up to {@code limit} due rows of the given kinds to {@code owner}, oldest due first. The rows are read in
	 * the order of the outbox_message_due index and SKIP LOCKED passes over rows another replica is claiming, so
	 * replicas claim side by side without waiting for each other and without sorting the backlog.
	 */
	public Flux<Claim> claim(String owner, Collection<String> kinds, int limit, Instant now, Instant leaseUntil) {
		return db.sql("""
				with due as (
				  select id from outbox_message
				  where %s and next_attempt_at <= :now and kind = any(:kinds)
				  order by next_attempt_at
				  limit :limit
				  for update skip locked)
				update outbox_message m
				set status = 'processing', attempts = m.attempts + 1, lease_owner = :owner, lease_until = :leaseUntil
				from due where m.id = due.id
				returning m.id, m.kind, m.dedupe_key, m.payload, m.attempts, m.created_at, m.resubmitted_at
				""".formatted(WAITING))
				.bind("kinds", kinds.toArray(String[]::new)).bind("now", now).bind("limit", limit)
				.bind("owner", owner).bind("leaseUntil", leaseUntil)
				.map(row -> claim(row, owner))
				.all();
	}

	/**
	 * Makes rows whose lease ran out (their replica crashed or hung) due again, as failed attempts. Kept apart from
	 * {@link #claim} so that claiming reads one index in order.
	 */
	public Mono<Long> expireLeases(Instant now) {
		return db.sql("""
				update outbox_message set status = 'failed', next_attempt_at = :now,
				  last_error = 'no outcome from ' || lease_owner || ' before its lease ran out', lease_owner = null, lease_until = null
				where status = 'processing' and lease_until < :now
				""")
				.bind("now", now).fetch().rowsUpdated();
	}

	/** The claimed attempt delivered. False when the lease was lost to another replica meanwhile. */
	public Mono<Boolean> complete(Claim claim, Instant now) {
		return settle(claim, db.sql("""
				update outbox_message set status = 'completed', completed_at = :now, lease_owner = null, lease_until = null
				where id = :id and lease_owner = :owner and attempts = :attempt and status = 'processing'
				""").bind("now", now));
	}

	/** The claimed attempt failed for now; the row is due again at {@code nextAttemptAt}. */
	public Mono<Boolean> fail(Claim claim, Instant nextAttemptAt, String reason) {
		return settle(claim, db.sql("""
				update outbox_message set status = 'failed', next_attempt_at = :next, last_error = :reason,
				  lease_owner = null, lease_until = null
				where id = :id and lease_owner = :owner and attempts = :attempt and status = 'processing'
				""").bind("next", nextAttemptAt).bind("reason", reason));
	}

	/** The outbox stops trying this row; a supervisor may resubmit it. */
	public Mono<Boolean> bury(Claim claim, Instant now, String reason) {
		return settle(claim, db.sql("""
				update outbox_message set status = 'dead', completed_at = :now, last_error = :reason,
				  lease_owner = null, lease_until = null
				where id = :id and lease_owner = :owner and attempts = :attempt and status = 'processing'
				""").bind("now", now).bind("reason", reason));
	}

	private Mono<Boolean> settle(Claim claim, DatabaseClient.GenericExecuteSpec update) {
		return update.bind("id", claim.message().id()).bind("owner", claim.owner()).bind("attempt", claim.message().attempt())
				.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	/**
	 * Hands back the rows {@code owner} claimed but did not start (a stopping dispatcher), due at once for another
	 * replica. Their attempt is taken back, as it never began.
	 */
	public Mono<Long> release(String owner, Collection<UUID> started) {
		return db.sql("""
				update outbox_message
				set status = case when attempts = 1 then 'published' else 'failed' end, attempts = attempts - 1,
				  lease_owner = null, lease_until = null
				where lease_owner = :owner and status = 'processing' and not (id = any(:started))
				""")
				.bind("owner", owner).bind("started", started.toArray(UUID[]::new))
				.fetch().rowsUpdated();
	}

	/**
	 * A supervisor's retry of a dead or failed row: due now, with a fresh retry budget, its attempts kept for the
	 * record. False when there is no such row in either status.
	 */
	public Mono<Boolean> resubmit(UUID id, Instant now) {
		return db.sql("""
				update outbox_message set status = 'resubmitted', next_attempt_at = :now, resubmitted_at = :now,
				  completed_at = null
				where id = :id and status in ('dead', 'failed')
				returning pg_notify('%s', '')
				""".formatted(CHANNEL))
				.bind("id", id).bind("now", now)
				.fetch().rowsUpdated().map(rows -> rows == 1);
	}

	/** Failed rows of one kind due later are due now; the dispatchers are woken when there were any. */
	public Mono<Long> hurry(String kind, Instant now) {
		return db.sql("""
				with hurried as (
				  update outbox_message set next_attempt_at = :now
				  where kind = :kind and status = 'failed' and next_attempt_at > :now
				  returning id)
				select count(*) as n from hurried
				""")
				.bind("kind", kind).bind("now", now).map(row -> row.get("n", Long.class)).one()
				.flatMap(hurried -> hurried == 0 ? Mono.just(hurried)
						: db.sql("select pg_notify('%s', '')".formatted(CHANNEL)).then().thenReturn(hurried));
	}

	/** Dead rows of one kind, or of every kind when {@code kind} is null. */
	public Flux<DeadMessage> dead(String kind, int limit) {
		DatabaseClient.GenericExecuteSpec query = db.sql("""
				select id, kind, dedupe_key, attempts, last_error, created_at, completed_at from outbox_message
				where status = 'dead' %s order by completed_at desc limit :limit
				""".formatted(kind == null ? "" : "and kind = :kind"))
				.bind("limit", limit);
		return (kind == null ? query : query.bind("kind", kind))
				.map(row -> new DeadMessage(row.get("id", UUID.class), row.get("kind", String.class),
						row.get("dedupe_key", String.class), row.get("attempts", Integer.class),
						row.get("last_error", String.class), row.get("created_at", Instant.class),
						row.get("completed_at", Instant.class)))
				.all();
	}

	/** Rows due for an attempt now and not yet claimed: the backlog. */
	public Mono<Long> countDue(Instant now) {
		return db.sql("select count(*) as n from outbox_message where " + WAITING + " and next_attempt_at <= :now")
				.bind("now", now).map(row -> row.get("n", Long.class)).one();
	}

	public Mono<Long> countDead() {
		return db.sql("select count(*) as n from outbox_message where status = 'dead'")
				.map(row -> row.get("n", Long.class)).one();
	}

	private Claim claim(Readable row, String owner) {
		Instant createdAt = row.get("created_at", Instant.class);
		Instant resubmittedAt = row.get("resubmitted_at", Instant.class);
		OutboxMessage message = new OutboxMessage(row.get("id", UUID.class), row.get("kind", String.class),
				row.get("dedupe_key", String.class), json.readTree(row.get("payload", Json.class).asString()),
				row.get("attempts", Integer.class), createdAt);
		return new Claim(message, owner, resubmittedAt != null ? resubmittedAt : createdAt);
	}
}
