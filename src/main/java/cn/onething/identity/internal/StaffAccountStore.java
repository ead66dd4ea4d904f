package cn.onething.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The identity_staff table: accounts, their password hashes, and failed sign-ins counted across replicas. */
@Component
public class StaffAccountStore {

	private final DatabaseClient db;

	StaffAccountStore(DatabaseClient db) {
		this.db = db;
	}

	/** An account as stored; {@code lockedUntil} is null unless too many wrong passwords locked it. */
	public record StaffAccount(StaffMember member, String passwordHash, boolean enabled, Instant lockedUntil) {

		public boolean lockedAt(Instant now) {
			return lockedUntil != null && lockedUntil.isAfter(now);
		}

		@Override
		public String toString() {
			return "StaffAccount[" + member.username() + "]";
		}
	}

	/** Usernames are typed at a sign-in form: " Police " and "police" are the same account. */
	public static String normalize(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	/** Emits true when the account was created, false when the username was taken. */
	public Mono<Boolean> insertIfAbsent(StaffMember member, String passwordHash) {
		var insert = db.sql("""
				insert into identity_staff (username, display_name, password_hash, department_id, roles)
				values (:username, :name, :hash, :department, :roles)
				on conflict (username) do nothing
				""")
				.bind("username", member.username()).bind("name", member.displayName()).bind("hash", passwordHash)
				.bind("roles", member.roles().stream().map(StaffRole::name).sorted().toArray(String[]::new));
		insert = member.departmentId() == null ? insert.bindNull("department", String.class)
				: insert.bind("department", member.departmentId());
		return insert.fetch().rowsUpdated().map(rows -> rows > 0);
	}

	public Mono<StaffAccount> byUsername(String username) {
		return db.sql("select * from identity_staff where username = :username").bind("username", normalize(username))
				.map(this::account).one();
	}

	/** The member as their account says now; empty when the account is gone or disabled. */
	public Mono<StaffMember> enabledMember(String username) {
		return byUsername(username).filter(StaffAccount::enabled).map(StaffAccount::member);
	}

	/**
	 * Counts a wrong password; the attempt that reaches {@code max} locks the account until {@code lockUntil} and
	 * starts the count again. Emits true when this attempt locked it; empty for an unknown username. One statement,
	 * so attempts on several replicas at once are all counted.
	 */
	public Mono<Boolean> recordFailure(String username, int max, Instant lockUntil) {
		return db.sql("""
				update identity_staff
				set failed_sign_ins = case when failed_sign_ins + 1 >= :max then 0 else failed_sign_ins + 1 end,
				    locked_until = case when failed_sign_ins + 1 >= :max then :lockUntil else locked_until end
				where username = :username
				returning failed_sign_ins
				""").bind("max", max).bind("lockUntil", lockUntil).bind("username", normalize(username))
				.map(row -> row.get("failed_sign_ins", Integer.class) == 0).one();
	}

	public Mono<Void> clearFailures(String username) {
		return db.sql("""
				update identity_staff set failed_sign_ins = 0, locked_until = null
				where username = :username and (failed_sign_ins <> 0 or locked_until is not null)
				""").bind("username", normalize(username)).then();
	}

	private StaffAccount account(Readable row) {
		StaffMember member = new StaffMember(row.get("username", String.class), row.get("display_name", String.class),
				row.get("department_id", String.class),
				Arrays.stream(row.get("roles", String[].class)).map(StaffRole::valueOf).collect(Collectors.toSet()));
		OffsetDateTime lockedUntil = row.get("locked_until", OffsetDateTime.class);
		return new StaffAccount(member, row.get("password_hash", String.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
				lockedUntil == null ? null : lockedUntil.toInstant());
	}
}
