package cn.onething.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.onething.identity.IdentityProperties;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The identity_session table: every console session and API token, and whether it still counts. Each replica asks
 * the database at most once per {@code revocation-check-interval} per session, so a session ended on one replica is
 * refused by all within that interval, and by the replica that ended it at once.
 */
@Component
public class SessionRegistry {

	/** What a session is for. */
	public enum Kind {
		CONSOLE, API;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A session as an owner or an operator sees it. */
	public record OpenSession(UUID id, String username, Kind kind, Instant createdAt, Instant endsAt, String client) {
	}

	private record Checked(boolean live, Instant at) {
	}

	/** Far more than the staff of a hall ever hold at once; beyond it the cache starts again rather than grow. */
	private static final int MAX_CACHED = 10_000;

	private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

	private final DatabaseClient db;
	private final Duration checkInterval;
	private final Clock clock;
	private final ConcurrentHashMap<UUID, Checked> checked = new ConcurrentHashMap<>();

	SessionRegistry(DatabaseClient db, IdentityProperties properties, Optional<Clock> clock) {
		this.db = db;
		this.checkInterval = properties.revocationCheckInterval();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Mono<UUID> open(String username, Kind kind, Instant endsAt, String client) {
		UUID id = UUID.randomUUID();
		var insert = db.sql("""
				insert into identity_session (id, username, kind, ends_at, client) values (:id, :username, :kind, :endsAt, :client)
				""")
				.bind("id", id).bind("username", username).bind("kind", kind.column()).bind("endsAt", endsAt);
		insert = client == null ? insert.bindNull("client", String.class) : insert.bind("client", client);
		return insert.then().thenReturn(id);
	}

	/** Whether the session is neither ended nor past its end, as the database said at most one interval ago. */
	public Mono<Boolean> isLive(UUID id) {
		Instant now = clock.instant();
		Checked known = checked.get(id);
		if (known != null && known.at().plus(checkInterval).isAfter(now)) {
			return Mono.just(known.live());
		}
		// the service's clock, not the database's: ends_at was written from it (and tests turn it)
		return db.sql("select 1 from identity_session where id = :id and revoked_at is null and ends_at > :now")
				.bind("id", id).bind("now", now).map(row -> true).one().defaultIfEmpty(false)
				.doOnNext(live -> remember(id, new Checked(live, now)));
	}

	private void remember(UUID id, Checked result) {
		if (checked.size() >= MAX_CACHED) {
			checked.clear();
		}
		checked.put(id, result);
	}

	/** Ends one session; {@code owner} null ends anybody's. Emits whether a live session was ended. */
	public Mono<Boolean> revoke(UUID id, String owner) {
		var update = db.sql("update identity_session set revoked_at = now() where id = :id and revoked_at is null"
				+ (owner == null ? "" : " and username = :owner")).bind("id", id);
		update = owner == null ? update : update.bind("owner", owner);
		return update.fetch().rowsUpdated().map(rows -> rows > 0)
				.doOnNext(ended -> {
					if (ended) {
						remember(id, new Checked(false, clock.instant()));
					}
				});
	}

	/** Ends every session and token of the account; emits how many. */
	public Mono<Long> revokeAll(String username) {
		return db.sql("update identity_session set revoked_at = now() where username = :username and revoked_at is null")
				.bind("username", username).fetch().rowsUpdated()
				// which ids were ended is not known here: forget every answer, the next requests ask again
				.doOnNext(ended -> checked.clear());
	}

	public Flux<OpenSession> live(String username) {
		return db.sql("""
				select * from identity_session where username = :username and revoked_at is null and ends_at > :now
				order by created_at
				""").bind("username", username).bind("now", clock.instant()).map(SessionRegistry::session).all();
	}

	/** Rows of sessions that ended a day ago are of no use to anyone. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldSessions() {
		db.sql("delete from identity_session where ends_at < now() - interval '1 day'").then()
				.subscribe(null, error -> log.warn("old staff sessions could not be deleted: {}", error.toString()));
	}

	private static OpenSession session(Readable row) {
		return new OpenSession(row.get("id", UUID.class), row.get("username", String.class),
				Kind.valueOf(row.get("kind", String.class).toUpperCase(Locale.ROOT)),
				row.get("created_at", OffsetDateTime.class).toInstant(), row.get("ends_at", OffsetDateTime.class).toInstant(),
				row.get("client", String.class));
	}
}
