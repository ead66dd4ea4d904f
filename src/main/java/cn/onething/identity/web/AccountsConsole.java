package cn.onething.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.catalog.Catalog;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffPlaces;
import cn.onething.identity.StaffRole;
import cn.onething.identity.accounts.AccountAudit;
import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.identity.internal.AccountProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 账号管理, for the admin role only (StaffSecurity): the accounts, a new one, and per account its sessions, disabling,
 * a password reset and ending its sessions. Every change goes through {@link StaffAccounts}, so it is checked the same
 * way as on the command line and audited with the administrator's name. A new password is shown once, on the answer
 * to the form, never in an address or the log.
 */
@Controller
class AccountsConsole {

	private static final String ACCOUNTS = StaffSecurity.ACCOUNTS;

	private final StaffAccounts accounts;
	private final AccountAudit audit;
	private final Identity identity;
	private final Catalog catalog;
	private final ObjectProvider<StaffPlaces> places;

	AccountsConsole(StaffAccounts accounts, AccountAudit audit, Identity identity, Catalog catalog,
			ObjectProvider<StaffPlaces> places) {
		this.places = places;
		this.accounts = accounts;
		this.audit = audit;
		this.identity = identity;
		this.catalog = catalog;
	}

	@GetMapping(ACCOUNTS)
	Mono<Rendering> list(@RequestParam(name = "done", defaultValue = "") String done) {
		return identity.signedIn().flatMap(admin -> listPage(admin, null, HttpStatus.OK, done));
	}

	@PostMapping(ACCOUNTS)
	Mono<Rendering> create(ServerWebExchange exchange) {
		return Mono.zip(identity.signedIn(), exchange.getFormData()).flatMap(both -> {
			StaffMember admin = both.getT1();
			MultiValueMap<String, String> form = both.getT2();
			return Mono.fromCallable(() -> roles(form.getOrDefault("role", List.of())))
					.flatMap(roles -> accounts.create(admin.username(), new StaffAccounts.NewAccount(form.getFirst("username"),
							form.getFirst("name"), form.getFirst("department"), roles, null, form.getFirst("place"))))
					.map(initial -> passwordPage(admin, initial, "已创建账号"))
					.onErrorResume(AccountProblem.class, refused -> listPage(admin, refused.getMessage(), HttpStatus.BAD_REQUEST, ""));
		});
	}

	@GetMapping(ACCOUNTS + "/{username}")
	Mono<Rendering> account(@PathVariable String username, @RequestParam(name = "done", defaultValue = "") String done) {
		return identity.signedIn().flatMap(admin -> accountPage(admin, username, null, HttpStatus.OK, done));
	}

	@PostMapping(ACCOUNTS + "/{username}/{action}")
	Mono<Rendering> act(@PathVariable String username, @PathVariable String action, ServerWebExchange exchange) {
		return Mono.zip(identity.signedIn(), exchange.getFormData()).flatMap(both -> {
			String admin = both.getT1().username();
			Mono<Rendering> done = switch (action) {
				case "disable", "enable" -> accounts.setEnabled(admin, username, action.equals("enable")).then(back(username, action));
				case "revoke-sessions" -> accounts.revokeSessions(admin, username).then(back(username, action));
				case "revoke-session" -> accounts.revokeSession(admin, String.valueOf(both.getT2().getFirst("session")))
						.then(back(username, action));
				case "change" -> Mono.fromCallable(() -> roles(both.getT2().getOrDefault("role", List.of())))
						.flatMap(roles -> accounts.change(admin, username, roles, both.getT2().getFirst("department"),
								both.getT2().getFirst("place")))
						.then(back(username, action));
				case "reset-password" -> accounts.resetPassword(admin, username, null)
						.map(initial -> passwordPage(both.getT1(), initial, "已重置密码"));
				default -> Mono.error(new AccountProblem("未知操作：" + action));
			};
			return done.onErrorResume(AccountProblem.class,
					refused -> accountPage(both.getT1(), username, refused.getMessage(), HttpStatus.BAD_REQUEST, ""));
		});
	}

	private static Mono<Rendering> back(String username, String action) {
		return Mono.just(Rendering.redirectTo(ACCOUNTS + "/" + username + "?done=" + action).build());
	}

	private Mono<Rendering> listPage(StaffMember admin, String message, HttpStatus status, String done) {
		return Mono.zip(accounts.list().collectList(), audit.recent(50).collectList(), placeChoices())
				.map(lists -> Rendering.view("identity/staff/accounts")
						.modelAttribute("places", lists.getT3())
						.modelAttribute("member", admin)
						.modelAttribute("memberDepartment", department(admin))
						.modelAttribute("accounts", lists.getT1())
						.modelAttribute("audit", lists.getT2())
						.modelAttribute("roles", StaffRole.values())
						.modelAttribute("departments", catalog.current().departments())
						.modelAttribute("message", message)
						.modelAttribute("done", done)
						.status(status).build());
	}

	private Mono<Rendering> accountPage(StaffMember admin, String username, String message, HttpStatus status, String done) {
		return accounts.list().filter(account -> account.member().username().equals(username)).next()
				.flatMap(account -> Mono.zip(accounts.sessions(username).collectList(), placeChoices())
						.map(found -> Rendering.view("identity/staff/account")
								.modelAttribute("places", found.getT2())
								.modelAttribute("member", admin)
								.modelAttribute("memberDepartment", department(admin))
								.modelAttribute("account", account)
								.modelAttribute("sessions", found.getT1())
								.modelAttribute("roles", StaffRole.values())
								.modelAttribute("departments", catalog.current().departments())
								.modelAttribute("message", message)
								.modelAttribute("done", done)
								.status(status).build()))
				.switchIfEmpty(Mono.fromCallable(() -> listPage(admin, "没有用户名为 " + username + " 的账号。",
						HttpStatus.NOT_FOUND, "")).flatMap(page -> page));
	}

	private Rendering passwordPage(StaffMember admin, StaffAccounts.InitialPassword initial, String what) {
		return Rendering.view("identity/staff/account-password")
				.modelAttribute("member", admin)
				.modelAttribute("memberDepartment", department(admin))
				.modelAttribute("what", what)
				.modelAttribute("initial", initial)
				// the password is on this page only: no cache keeps a copy
				.header("Cache-Control", CacheControl.noStore().getHeaderValue())
				.build();
	}

	private Mono<List<StaffPlaces.Choice>> placeChoices() {
		StaffPlaces known = places.getIfAvailable();
		return known == null ? Mono.just(List.of()) : known.choices();
	}

	private String department(StaffMember member) {
		return member.departmentId() == null ? "政务服务中心" : catalog.current().departmentName(member.departmentId());
	}

	private static Set<StaffRole> roles(List<String> ticked) {
		if (ticked.isEmpty()) {
			throw new AccountProblem("请至少勾选一个角色。");
		}
		return ticked.stream().map(StaffAccounts::roles).flatMap(Set::stream)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
	}
}
