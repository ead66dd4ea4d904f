package cn.onething.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification_push table, and notification_delivery which joins WeChat's answer to a send with its later
 * delivery report. Times come from the caller's clock.
 */
@Component
public class PushStore {

	private static final String COLUMNS = """
			id, dedupe_key, receipt_code, case_id, openid, kind, status_word, lines, template_id, url, data, collecting,
			status, msgid, last_error, attempts, created_at, updated_at, unsure_since""";
	/** The prefix of a failure WeChat reported after accepting the push. */
	static final String REPORTED = "微信回报：";

	private static final TypeReference<List<PushLine>> LINES = new TypeReference<>() { };
	private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() { };

	private final DatabaseClient db;
	private final JsonMapper json;

	PushStore(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Serialises the news handling of one case, in the caller's transaction, until it ends: two replicas handling two
	 * step events of one case at once would otherwise both start a digest, or a digest could be started while the
	 * completion push that replaces it is being written.
	 */
	public Mono<Void> lockCase(String receiptCode) {
		return db.sql("select pg_advisory_xact_lock(hashtext(:key))").bind("key", "notification:" + receiptCode).then();
	}

	/** Stores a new push unless its dedupe key is there already; emits whether it was new. */
	public Mono<Boolean> insert(PushRow push, Instant dueAt) {
		return db.sql("""
				insert into notification_push (id, dedupe_key, receipt_code, case_id, openid, kind, first_seq, channel,
				  template_id, url, status_word, data, lines, collecting, status, created_at, due_at, updated_at)
				values (:id, :key, :receipt, :caseId, :openid, :kind, :firstSeq, 'wechat-template', :templateId, :url,
				  :statusWord, :data, :lines, :collecting, 'pending', :now, :due, :now)
				on conflict (dedupe_key) do nothing
				returning id
				""")
				.bind("id", push.id()).bind("key", push.dedupeKey()).bind("receipt", push.receiptCode())
				.bind("caseId", push.caseId()).bind("openid", push.openid())
				.bind("kind", push.content().kind().code())
				.bind("firstSeq", push.content().firstSeq())
				.bind("templateId", push.templateId()).bind("url", push.url())
				.bind("statusWord", push.content().status()).bind("data", json(push.data()))
				.bind("lines", json(push.content().lines())).bind("collecting", push.collecting())
				.bind("now", push.createdAt()).bind("due", dueAt)
				.map(row -> true).one().defaultIfEmpty(false);
	}

	/** The digest of this case and openid that news may still join, locked until the caller's transaction ends. */
	public Mono<PushRow> collectingDigest(String receiptCode, String openid) {
		return db.sql("select " + COLUMNS + " from notification_push where receipt_code = :receipt and openid = :openid "
				+ "and collecting for update")
				.bind("receipt", receiptCode).bind("openid", openid).map(this::row).one();
	}

	/** A digest's new content, after news joined it. */
	public Mono<Void> rewrite(UUID id, PushContent content, Map<String, String> data, Instant now) {
		return db.sql("update notification_push set lines = :lines, data = :data, updated_at = :now where id = :id")
				.bind("lines", json(content.lines())).bind("data", json(data)).bind("now", now).bind("id", id).then();
	}

	/** Whether a push to this openid already tells the case event {@code seq} (news handled before, or joined). */
	public Mono<Boolean> tells(String receiptCode, String openid, int seq) {
		return exists("lines @> cast(:probe as jsonb)", receiptCode, openid, "probe", "[{\"seq\":" + seq + "}]");
	}

	/** Whether this openid was told the case's completion, from an event after {@code seq}. */
	public Mono<Boolean> completionAfter(String receiptCode, String openid, int seq) {
		return exists("kind = 'completed' and first_seq > :seq", receiptCode, openid, "seq", seq);
	}

	private Mono<Boolean> exists(String condition, String receiptCode, String openid, String name, Object value) {
		return db.sql("select exists (select 1 from notification_push where receipt_code = :receipt and openid = :openid and "
				+ condition + ") as found")
				.bind("receipt", receiptCode).bind("openid", openid).bind(name, value)
				.map(row -> row.get("found", Boolean.class)).one();
	}

	/** The collecting digest of this case and openid is not sent: a push that says more replaced it. */
	public Mono<Long> cancelCollecting(String receiptCode, String openid, String why, Instant now) {
		return db.sql("""
				update notification_push set status = 'cancelled', collecting = false, last_error = :why, updated_at = :now
				where receipt_code = :receipt and openid = :openid and collecting
				""")
				.bind("why", why).bind("now", now).bind("receipt", receiptCode).bind("openid", openid)
				.fetch().rowsUpdated();
	}

	/** The push about to be sent, closed to later news if it was a collecting digest. */
	public Mono<PushRow> close(UUID id) {
		return db.sql("update notification_push set collecting = false where id = :id returning " + COLUMNS)
				.bind("id", id).map(this::row).one();
	}

	/**
	 * A send is about to start: from now on WeChat may have the push, unless an answer says otherwise. Written
	 * before the send, so that a replica dying before the answer leaves the mark for the next attempt.
	 */
	public Mono<Void> recordSending(UUID id, Instant now) {
		return db.sql("update notification_push set unsure_since = coalesce(unsure_since, :now) where id = :id")
				.bind("now", now).bind("id", id).then();
	}

	/**
	 * An attempt that did not reach the applicant: still pending (retried later), dead or cancelled; with the start
	 * of the earliest send WeChat may have taken, null when every answer said it took none.
	 */
	public Mono<Void> recordAttempt(UUID id, String status, String error, Instant unsureSince, Instant now) {
		DatabaseClient.GenericExecuteSpec update = db.sql("""
				update notification_push set status = :status, last_error = :error, attempts = attempts + 1, updated_at = :now,
				  unsure_since = :unsureSince
				where id = :id
				""")
				.bind("status", status).bind("error", error).bind("now", now).bind("id", id);
		return (unsureSince == null ? update.bindNull("unsureSince", Instant.class) : update.bind("unsureSince", unsureSince)).then();
	}

	/** Not sent again: WeChat may have it, and no longer de-duplicates a resend (docs/wechat.md §2.1). */
	public Mono<Void> recordUncertain(UUID id, String why, Instant now) {
		return db.sql("update notification_push set status = 'uncertain', last_error = :why, updated_at = :now where id = :id")
				.bind("why", why).bind("now", now).bind("id", id).then();
	}

	/** Not sent, and no attempt made: unbound before its turn, or merged. */
	public Mono<Void> cancel(UUID id, String why, Instant now) {
		return db.sql("update notification_push set status = 'cancelled', last_error = :why, updated_at = :now where id = :id")
				.bind("why", why).bind("now", now).bind("id", id).then();
	}

	/**
	 * WeChat accepted the push. Its delivery report may have come first (WeChat pushes it right after answering):
	 * then the push takes the reported status at once. The insert into notification_delivery waits for a report
	 * being written for the same msgid, so one of the two always sees the other.
	 */
	public Mono<Void> recordSent(UUID id, String msgid, Instant now) {
		return db.sql("""
				with delivery as (
				  insert into notification_delivery (msgid, push_id, updated_at) values (:msgid, :id, :now)
				  on conflict (msgid) do update set push_id = excluded.push_id, updated_at = excluded.updated_at
				  returning status, wechat_status)
				update notification_push p
				set status = coalesce(d.status, 'sent'), msgid = :msgid, attempts = p.attempts + 1, updated_at = :now,
				  last_error = case when d.status = 'failed' then :reported || d.wechat_status end
				from delivery d where p.id = :id
				""")
				.bind("msgid", msgid).bind("id", id).bind("now", now).bind("reported", REPORTED)
				.then();
	}

	/**
	 * WeChat said the client_msg_id was used already, without naming the first send's msgid: the applicant has the
	 * push, and its delivery report, if any, cannot be matched to it.
	 */
	public Mono<Void> recordSentEarlier(UUID id, Instant now) {
		return db.sql("""
				update notification_push set status = 'sent', attempts = attempts + 1, updated_at = :now,
				  last_error = '45065 微信答复此前已发出（client_msg_id 已使用）'
				where id = :id
				""").bind("now", now).bind("id", id).then();
	}

	/** WeChat's delivery report for a msgid: the push it belongs to is delivered, or failed with WeChat's words. */
	public Mono<Void> recordReport(String msgid, boolean delivered, String wechatStatus, Instant now) {
		return db.sql("""
				with delivery as (
				  insert into notification_delivery (msgid, status, wechat_status, updated_at)
				  values (:msgid, :status, :words, :now)
				  on conflict (msgid) do update set status = excluded.status, wechat_status = excluded.wechat_status,
				    updated_at = excluded.updated_at
				  returning push_id)
				update notification_push p
				set status = :status, updated_at = :now, last_error = case when :status = 'failed' then :reported || :words end
				from delivery d where p.id = d.push_id
				""")
				.bind("msgid", msgid).bind("status", delivered ? "delivered" : "failed").bind("words", wechatStatus)
				.bind("now", now).bind("reported", REPORTED)
				.then();
	}

	/**
	 * Pushes in one status, latest first: {@code failed} (WeChat accepted them but reported them not delivered) or
	 * {@code uncertain}.
	 */
	public Flux<PushRow> inStatus(String status, int limit) {
		return db.sql("select " + COLUMNS + " from notification_push where status = :status order by updated_at desc limit :limit")
				.bind("status", status).bind("limit", limit).map(this::row).all();
	}

	public Flux<PushRow> byDedupeKeys(Collection<String> keys) {
		return db.sql("select " + COLUMNS + " from notification_push where dedupe_key = any(:keys)")
				.bind("keys", keys.toArray(String[]::new)).map(this::row).all();
	}

	private Json json(Object value) {
		return Json.of(json.writeValueAsString(value));
	}

	private PushRow row(Readable row) {
		PushContent content = new PushContent(PushKind.of(row.get("kind", String.class)), row.get("status_word", String.class),
				json.readValue(row.get("lines", Json.class).asString(), LINES));
		return new PushRow(row.get("id", UUID.class), row.get("dedupe_key", String.class), row.get("receipt_code", String.class),
				row.get("case_id", String.class), row.get("openid", String.class), content, row.get("template_id", String.class),
				row.get("url", String.class), json.readValue(row.get("data", Json.class).asString(), DATA),
				row.get("collecting", Boolean.class), row.get("status", String.class), row.get("msgid", String.class),
				row.get("last_error", String.class), row.get("attempts", Integer.class), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class), row.get("unsure_since", Instant.class));
	}
}
