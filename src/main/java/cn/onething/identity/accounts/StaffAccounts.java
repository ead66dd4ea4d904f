package cn.onething.identity.accounts;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.model.Department;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffPlaces;
import cn.onething.identity.StaffRole;
import cn.onething.identity.internal.AccountProblem;
import cn.onething.identity.internal.PasswordPolicy;
import cn.onething.identity.internal.StaffAccountStore;
import cn.onething.identity.internal.StaffAccountStore.StaffAccount;
import cn.onething.identity.session.SessionRegistry;
import cn.onething.identity.session.SessionRegistry.OpenSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What an operator does to staff accounts (the accounts command line, the admin pages): every input is checked
 * before anything is stored, and each change is one transaction with its audit entry (who: {@code actor}), so a
 * refused change leaves nothing behind. A refusal is an {@link AccountProblem} whose message tells the operator what
 * to fix.
 */
@Service
public class StaffAccounts {

	/** The database's own check on identity_staff.username, said first in words. */
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
	/** No 0/O, 1/l/I: a generated password is read off a screen and typed. */
	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * An account to create; {@code password} null asks for a generated one, {@code place} a township or committee of
	 * {@link StaffPlaces} (null for none).
	 */
	public record NewAccount(String username, String displayName, String departmentId, Set<StaffRole> roles, String password,
			String place) {

		public NewAccount(String username, String displayName, String departmentId, Set<StaffRole> roles, String password) {
			this(username, displayName, departmentId, roles, password, null);
		}
	}

	/** A password an operator must hand over; {@code generated} when nobody chose it. */
	public record InitialPassword(String username, String password, boolean generated) {
	}

	private final StaffAccountStore store;
	private final PasswordEncoder encoder;
	private final PasswordPolicy policy;
	private final Catalog catalog;
	private final SessionRegistry sessions;
	private final TransactionalOperator transaction;
	private final AccountAudit audit;
	private final ObjectProvider<StaffPlaces> places;

	StaffAccounts(StaffAccountStore store, PasswordEncoder encoder, PasswordPolicy policy, Catalog catalog,
			SessionRegistry sessions, TransactionalOperator transaction, AccountAudit audit, ObjectProvider<StaffPlaces> places) {
		this.audit = audit;
		this.places = places;
		this.store = store;
		this.encoder = encoder;
		this.policy = policy;
		this.catalog = catalog;
		this.sessions = sessions;
		this.transaction = transaction;
	}

	public Flux<StaffAccount> list() {
		return store.all();
	}

	/** Creates the account; its owner must change the password at the first sign-in. */
	public Mono<InitialPassword> create(String actor, NewAccount account) {
		return Mono.defer(() -> createChecked(actor, account));
	}

	private Mono<InitialPassword> createChecked(String actor, NewAccount account) {
		String username = checkedUsername(account.username());
		if (account.displayName() == null || account.displayName().isBlank()) {
			return Mono.error(new AccountProblem("请给出姓名或岗位名称。"));
		}
		return member(username, account.displayName().strip(), account.departmentId(), account.roles(), account.place())
				.flatMap(member -> passwordFor(username, account.password())
						.flatMap(password -> hash(password.password())
								.flatMap(hash -> store.insertIfAbsent(member, hash, true)
										.flatMap(created -> created ? audit.record(actor, "创建账号", username, describe(member))
												: Mono.error(new AccountProblem("用户名 " + username + " 已被占用，未作任何更改。")))
										.as(transaction::transactional))
								.thenReturn(password)));
	}

	/** The first administrator of an installation: refused once any account holds the admin role. */
	public Mono<InitialPassword> createFirstAdmin(String actor, String username, String password) {
		return Mono.defer(() -> createFirstAdminChecked(actor, username, password));
	}

	private Mono<InitialPassword> createFirstAdminChecked(String actor, String username, String password) {
		String checked = checkedUsername(username);
		StaffMember admin = new StaffMember(checked, "系统管理员", null, Set.of(StaffRole.ADMIN));
		return passwordFor(checked, password).flatMap(initial -> hash(initial.password())
				.flatMap(hash -> store.insertFirstAdmin(admin, hash)
						.flatMap(created -> created ? audit.record(actor, "创建首个管理员", checked, describe(admin)) : Mono.error(new AccountProblem(
								"已有系统管理员账号（或用户名 " + checked + " 已被占用），未作任何更改；请由现有管理员创建账号。")))
						.as(transaction::transactional))
				.thenReturn(initial));
	}

	/** Disabling ends the account's sessions and API tokens in the same transaction: nobody stays signed in. */
	public Mono<Void> setEnabled(String actor, String username, boolean enabled) {
		String account = StaffAccountStore.normalize(username);
		return store.setEnabled(account, enabled)
				.flatMap(found -> found ? Mono.empty() : unknown(account))
				.then(enabled ? Mono.empty() : sessions.revokeAll(account).then())
				.then(audit.record(actor, enabled ? "启用" : "停用", account, null))
				.as(transaction::transactional);
	}

	/**
	 * A new password the owner must change at the next sign-in. Whoever held the old one is signed out: a reset
	 * is often asked for because someone else knows it.
	 */
	public Mono<InitialPassword> resetPassword(String actor, String username, String password) {
		return existing(username).flatMap(account -> passwordFor(account.member().username(), password)
				.flatMap(initial -> hash(initial.password())
						.flatMap(hash -> store.setPassword(account.member().username(), hash, true)
								.then(sessions.revokeAll(account.member().username()))
								.then(audit.record(actor, "重置密码", account.member().username(), null))
								.as(transaction::transactional))
						.thenReturn(initial)));
	}

	/**
	 * A member's own new password, once they proved the current one. Every session of the account ends with the old
	 * password (the caller opens a fresh one for the member at hand), and nobody has to change it again.
	 */
	public Mono<Void> changeOwnPassword(String username, String current, String chosen) {
		if (chosen != null && chosen.equals(current)) {
			return Mono.error(new AccountProblem("新密码不能与当前密码相同。"));
		}
		return Mono.defer(() -> passwordFor(username, chosen == null ? "" : chosen))
				.flatMap(initial -> hash(initial.password()))
				.flatMap(hash -> store.setPassword(username, hash, false).then(sessions.revokeAll(username))
						.then(audit.record(username, "修改本人密码", username, null))
						.as(transaction::transactional))
				.then();
	}

	/** The account's console sessions and API tokens that still work. */
	public Flux<OpenSession> sessions(String username) {
		return existing(username).flatMapMany(account -> sessions.live(account.member().username()));
	}

	/** Ends every session and API token of the account; emits how many. */
	public Mono<Long> revokeSessions(String actor, String username) {
		return existing(username).flatMap(account -> sessions.revokeAll(account.member().username())
				.flatMap(count -> audit.record(actor, "结束全部会话", account.member().username(), count + " 个").thenReturn(count))
				.as(transaction::transactional));
	}

	/** Ends one session or API token, whoever's it is. */
	public Mono<Void> revokeSession(String actor, String id) {
		UUID session;
		try {
			session = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			return Mono.error(new AccountProblem("“" + id + "”不是会话编号（sessions 命令列出的第一列）。"));
		}
		return sessions.revoke(session, null)
				.flatMap(ended -> ended ? audit.record(actor, "结束会话", id, null)
						: Mono.<Void>error(new AccountProblem("没有仍有效的会话 " + id + "。")))
				.as(transaction::transactional);
	}

	/** Adds roles, and sets the department and the place when given (a reviewer needs a department). */
	public Mono<StaffMember> grant(String actor, String username, Set<StaffRole> roles, String departmentId, String place) {
		return existing(username).flatMap(account -> {
			StaffMember now = account.member();
			Set<StaffRole> all = EnumSet.copyOf(now.roles());
			all.addAll(roles);
			String department = departmentId == null || departmentId.isBlank() ? now.departmentId() : departmentId;
			String assigned = place == null || place.isBlank() ? now.place() : place;
			return member(now.username(), now.displayName(), department, all, assigned)
					.flatMap(member -> store.setRoles(member).then(audit.record(actor, "授予角色", member.username(), describe(member)))
							.as(transaction::transactional).thenReturn(member));
		});
	}

	/**
	 * The roles, department and place an account has from now on, in place of those it had (账号管理's 修改). Its sessions
	 * end: a session carries the roles it was signed in with, and a role taken away must not outlive the change.
	 * An admin cannot take the admin role from themselves, so that the console always has someone to manage it.
	 */
	public Mono<StaffMember> change(String actor, String username, Set<StaffRole> roles, String departmentId, String place) {
		if (roles.isEmpty()) {
			return Mono.error(new AccountProblem("请至少选择一个角色。"));
		}
		return existing(username).flatMap(account -> {
			StaffMember now = account.member();
			if (now.username().equals(StaffAccountStore.normalize(actor)) && !roles.contains(StaffRole.ADMIN)) {
				return Mono.error(new AccountProblem("不能取消自己的系统管理角色；请另一位管理员操作。"));
			}
			return member(now.username(), now.displayName(), departmentId, roles, place)
					.flatMap(member -> store.setRoles(member).then(sessions.revokeAll(member.username()))
							.then(audit.record(actor, "修改角色和部门", member.username(), describe(member)))
							.as(transaction::transactional).thenReturn(member));
		});
	}

	/** Roles as an operator types them: "reviewer,supervisor", any case. */
	public static Set<StaffRole> roles(String typed) {
		if (typed == null || typed.isBlank()) {
			throw new AccountProblem("请给出角色，可选：" + roleChoices() + "。");
		}
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		for (String name : typed.split("[,，\\s]+")) {
			try {
				roles.add(StaffRole.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				throw new AccountProblem("未知角色：" + name + "。可选：" + roleChoices() + "。");
			}
		}
		return roles;
	}

	private static String roleChoices() {
		return Arrays.stream(StaffRole.values()).map(role -> role.name() + "（" + role.label() + "）")
				.collect(Collectors.joining("、"));
	}

	private static String describe(StaffMember member) {
		return member.roleLabels() + (member.departmentId() == null ? "" : "，部门 " + member.departmentId())
				+ (member.place() == null ? "" : "，所属 " + member.place());
	}

	private Mono<StaffAccount> existing(String username) {
		return store.byUsername(username).switchIfEmpty(unknown(username));
	}

	private static <T> Mono<T> unknown(String username) {
		return Mono.error(new AccountProblem("没有用户名为 " + StaffAccountStore.normalize(username) + " 的账号。"));
	}

	private static String checkedUsername(String typed) {
		String username = StaffAccountStore.normalize(typed);
		if (!USERNAME.matcher(username).matches()) {
			throw new AccountProblem("用户名“" + typed + "”不可用：2 到 32 个字符，只用小写字母、数字和 . _ -，以字母或数字开头。");
		}
		return username;
	}

	/** The member if its department exists in the catalogue, a reviewer has one, and its place is a known one. */
	private Mono<StaffMember> member(String username, String displayName, String departmentId, Set<StaffRole> roles,
			String place) {
		String department = departmentId == null || departmentId.isBlank() ? null : departmentId.strip();
		if (roles.contains(StaffRole.REVIEWER) && department == null) {
			return Mono.error(new AccountProblem("部门审查（REVIEWER）角色需要部门。"));
		}
		Mono<String> checkedDepartment = department == null ? Mono.just("")
				: departments().flatMap(snapshot -> snapshot.department(department).isPresent() ? Mono.just(department)
						: Mono.error(new AccountProblem("未知部门：" + department + "。指南目录中的部门："
								+ departmentChoices(snapshot) + "。")));
		return checkedDepartment.flatMap(known -> checkedPlace(place)
				.map(assigned -> new StaffMember(username, displayName, department, roles, assigned.orElse(null))));
	}

	/** The place if {@link StaffPlaces} knows it; none when none is given. */
	private Mono<Optional<String>> checkedPlace(String place) {
		if (place == null || place.isBlank()) {
			return Mono.just(Optional.empty());
		}
		String code = place.strip();
		StaffPlaces known = places.getIfAvailable();
		Mono<List<StaffPlaces.Choice>> choices = known == null ? Mono.just(List.of()) : departments().then(known.choices());
		return choices.flatMap(all -> all.stream().anyMatch(choice -> choice.code().equals(code)) ? Mono.just(Optional.of(code))
				: Mono.error(new AccountProblem("未知的所属乡镇或村（社区）：" + code + "。请用 guides/places/ 中的编码，乡镇如 "
						+ "xinning，村（社区）如 xinning/chengdong" + (all.isEmpty() ? "（尚未读取村居目录）" : "") + "。")));
	}

	private Mono<CatalogSnapshot> departments() {
		// the command line runs without the start-up import: read the catalogue the service last imported
		return catalog.isLoaded() ? Mono.just(catalog.current()) : catalog.reload();
	}

	private static String departmentChoices(CatalogSnapshot snapshot) {
		List<String> ids = snapshot.departments().stream().map(Department::id).toList();
		return ids.isEmpty() ? "（尚未导入指南目录，无部门可选）" : String.join("、", ids);
	}

	private Mono<InitialPassword> passwordFor(String username, String chosen) {
		if (chosen == null) {
			return Mono.just(new InitialPassword(username, generated(), true));
		}
		return policy.problem(chosen, username).<Mono<InitialPassword>>map(problem -> Mono.error(new AccountProblem(problem)))
				.orElseGet(() -> Mono.just(new InitialPassword(username, chosen, false)));
	}

	/** Four groups of four, about 90 bits: long enough for any policy, easy to read out. */
	static String generated() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			if (i > 0 && i % 4 == 0) {
				password.append('-');
			}
			password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return password.toString();
	}

	private Mono<String> hash(String password) {
		// bcrypt is slow on purpose: keep it off the event loop
		return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}
}
