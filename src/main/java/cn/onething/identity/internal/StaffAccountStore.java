package cn.onething.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The identity_staff table: accounts and their password hashes. */
@Component
public class StaffAccountStore {

	private static final String INSERT = """
			insert into identity_staff (username, display_name, password_hash, department_id, roles, must_change_password, place)
			""";

	private final DatabaseClient db;

	StaffAccountStore(DatabaseClient db) {
		this.db = db;
	}

	/** An account as stored. */
	public record StaffAccount(StaffMember member, String passwordHash, boolean enabled, boolean mustChangePassword,
			Instant createdAt) {

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
	public Mono<Boolean> insertIfAbsent(StaffMember member, String passwordHash, boolean mustChangePassword) {
		return bindMember(db.sql(INSERT + """
				values (:username, :name, :hash, :department, :roles, :mustChange, :place)
				on conflict (username) do nothing
				"""), member, passwordHash, mustChangePassword).fetch().rowsUpdated().map(rows -> rows > 0);
	}

	/**
	 * Creates the account only while no account has the admin role, in one statement: two operators bootstrapping
	 * at once make one admin. Emits false when an admin exists or the username is taken.
	 */
	public Mono<Boolean> insertFirstAdmin(StaffMember member, String passwordHash) {
		return bindMember(db.sql(INSERT + """
				select :username, :name, :hash, :department, :roles, :mustChange, :place
				where not exists (select 1 from identity_staff where 'ADMIN' = any (roles))
				on conflict (username) do nothing
				"""), member, passwordHash, true).fetch().rowsUpdated().map(rows -> rows > 0);
	}

	private static DatabaseClient.GenericExecuteSpec bindMember(DatabaseClient.GenericExecuteSpec insert, StaffMember member,
			String passwordHash, boolean mustChangePassword) {
		insert = insert.bind("username", member.username()).bind("name", member.displayName()).bind("hash", passwordHash)
				.bind("roles", roleNames(member.roles())).bind("mustChange", mustChangePassword);
		return bindAssignment(insert, member);
	}

	/** The department and place of the member, each possibly null. */
	private static DatabaseClient.GenericExecuteSpec bindAssignment(DatabaseClient.GenericExecuteSpec spec, StaffMember member) {
		spec = member.departmentId() == null ? spec.bindNull("department", String.class) : spec.bind("department", member.departmentId());
		return member.place() == null ? spec.bindNull("place", String.class) : spec.bind("place", member.place());
	}

	public Mono<StaffAccount> byUsername(String username) {
		return db.sql("select * from identity_staff where username = :username").bind("username", normalize(username))
				.map(this::account).one();
	}

	public Flux<StaffAccount> all() {
		return db.sql("select * from identity_staff order by username").map(this::account).all();
	}

	/** The member as their account says now; empty when the account is gone or disabled. */
	public Mono<StaffMember> enabledMember(String username) {
		return byUsername(username).filter(StaffAccount::enabled).map(StaffAccount::member);
	}

	/** Emits whether such an account exists. */
	public Mono<Boolean> setEnabled(String username, boolean enabled) {
		return db.sql("update identity_staff set enabled = :enabled where username = :username")
				.bind("enabled", enabled).bind("username", normalize(username))
				.fetch().rowsUpdated().map(rows -> rows > 0);
	}

	/** Emits whether such an account exists. */
	public Mono<Boolean> setPassword(String username, String passwordHash, boolean mustChangePassword) {
		return db.sql("update identity_staff set password_hash = :hash, must_change_password = :mustChange where username = :username")
				.bind("hash", passwordHash).bind("mustChange", mustChangePassword).bind("username", normalize(username))
				.fetch().rowsUpdated().map(rows -> rows > 0);
	}

	/** Swaps the hash for a stronger one of the same password, unless the password changed meanwhile. */
	public Mono<Void> replaceHash(String username, String oldHash, String newHash) {
		return db.sql("update identity_staff set password_hash = :new where username = :username and password_hash = :old")
				.bind("new", newHash).bind("username", username).bind("old", oldHash).then();
	}

	/** Replaces the roles, department and place of an existing account. */
	public Mono<Boolean> setRoles(StaffMember member) {
		var update = db.sql("update identity_staff set roles = :roles, department_id = :department, place = :place where username = :username")
				.bind("roles", roleNames(member.roles())).bind("username", member.username());
		return bindAssignment(update, member).fetch().rowsUpdated().map(rows -> rows > 0);
	}

	private static String[] roleNames(Set<StaffRole> roles) {
		return roles.stream().map(StaffRole::name).sorted().toArray(String[]::new);
	}

	private StaffAccount account(Readable row) {
		StaffMember member = new StaffMember(row.get("username", String.class), row.get("display_name", String.class),
				row.get("department_id", String.class),
				Arrays.stream(row.get("roles", String[].class)).map(StaffRole::valueOf).collect(Collectors.toSet()),
				row.get("place", String.class));
		return new StaffAccount(member, row.get("password_hash", String.class), Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
				Boolean.TRUE.equals(row.get("must_change_password", Boolean.class)),
				row.get("created_at", OffsetDateTime.class).toInstant());
	}
}
