package cn.onething.wechat.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wechat_dev_inbox table: pushes made in dev mode, kept in the database so that every replica's inbox page
 * shows all of them.
 */
@Component
public class DevInbox {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final DatabaseClient db;
	private final JsonMapper json;

	DevInbox(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public enum Kind {
		TEMPLATE, SUBSCRIBE
	}

	/** One push as the applicant would see it; {@code sentAt} in Beijing time. */
	public record Entry(long id, Kind kind, String openid, String templateId, String url, Map<String, String> data,
			String sentAt) {

		public boolean template() {
			return kind == Kind.TEMPLATE;
		}
	}

	/**
	 * Stores a push and answers its id, which stands in for WeChat's msgid. A second template push with the same
	 * openid and client_msg_id is not stored again and answers the first one's id, as WeChat does (§2.1).
	 */
	Mono<Long> deliver(Kind kind, String openid, String templateId, String url, Map<String, String> data, String clientMsgId) {
		Mono<Long> inserted = db.sql("""
				insert into wechat_dev_inbox (kind, openid, template_id, url, data, client_msg_id)
				values (:kind, :openid, :templateId, :url, :data, :clientMsgId)
				on conflict (openid, client_msg_id) do nothing
				returning id
				""")
				.bind("kind", kind.name()).bind("openid", openid).bind("templateId", templateId)
				.bind("url", nullable(url)).bind("data", Json.of(json.writeValueAsString(data)))
				.bind("clientMsgId", nullable(clientMsgId))
				.map(row -> row.get("id", Long.class)).one();
		Mono<Long> earlier = db.sql("select id from wechat_dev_inbox where openid = :openid and client_msg_id = :clientMsgId")
				.bind("openid", openid).bind("clientMsgId", nullable(clientMsgId))
				.map(row -> row.get("id", Long.class)).one();
		return inserted.switchIfEmpty(earlier);
	}

	/** The latest pushes, to one openid or (null) to anyone. */
	public Flux<Entry> latest(String openid, int limit) {
		String where = openid == null ? "" : "where openid = :openid ";
		DatabaseClient.GenericExecuteSpec query = db.sql(
				"select id, kind, openid, template_id, url, data, sent_at from wechat_dev_inbox " + where
						+ "order by id desc limit :limit")
				.bind("limit", limit);
		if (openid != null) {
			query = query.bind("openid", openid);
		}
		return query.map(this::entry).all();
	}

	private Entry entry(Readable row) {
		return new Entry(row.get("id", Long.class), Kind.valueOf(row.get("kind", String.class)),
				row.get("openid", String.class), row.get("template_id", String.class), row.get("url", String.class),
				json.readValue(row.get("data", Json.class).asString(), new TypeReference<Map<String, String>>() { }),
				row.get("sent_at", OffsetDateTime.class).atZoneSameInstant(BEIJING).format(SHOWN));
	}

	private static Parameter nullable(String value) {
		return Parameter.fromOrEmpty(value, String.class);
	}
}
