package cn.onething.identity.accounts;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The identity_audit table: an entry per account change, in the change's own transaction. */
@Component
public class AccountAudit {

	/** Who changed accounts when they were not signed in as a member. */
	public static final String COMMAND_LINE = "命令行";
	static final String START_UP = "启动配置";

	/** One change: {@code action} in Chinese for the admin page (创建账号, 停用...). */
	public record Entry(Instant at, String actor, String action, String target, String detail) {
	}

	private final DatabaseClient db;

	AccountAudit(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> record(String actor, String action, String target, String detail) {
		var insert = db.sql("insert into identity_audit (actor, action, target, detail) values (:actor, :action, :target, :detail)")
				.bind("actor", actor).bind("action", action).bind("target", target);
		return (detail == null ? insert.bindNull("detail", String.class) : insert.bind("detail", detail)).then();
	}

	public Flux<Entry> recent(int limit) {
		return db.sql("select * from identity_audit order by at desc, id desc limit :limit").bind("limit", limit)
				.map(row -> new Entry(row.get("at", OffsetDateTime.class).toInstant(), row.get("actor", String.class),
						row.get("action", String.class), row.get("target", String.class), row.get("detail", String.class)))
				.all();
	}
}
