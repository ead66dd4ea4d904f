package cn.onething.identity.accounts;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.identity.accounts.StaffAccounts.InitialPassword;
import cn.onething.identity.internal.AccountProblem;
import cn.onething.identity.internal.StaffAccountStore.StaffAccount;
import cn.onething.identity.session.SessionRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code accounts <command> ...}: staff accounts from an operator's terminal or a Kubernetes Job, against the
 * configured database. Prints for a person (Chinese, one line per fact); a generated password goes to this output
 * once and nowhere else (never to the log). Exit codes: 0 done, 1 refused (nothing changed), 2 usage.
 */
@Component
public class AccountsCommand {

	static final String USAGE = """
			用法：accounts <命令> [参数]
			  list                                         列出全部账号
			  create <用户名> --name <姓名> --role <角色[,角色]> [--department <部门编号>] [--place <乡镇或村编码>] [--password-stdin]
			  create-admin <用户名> [--password-stdin]       首个系统管理员（已有管理员时拒绝）
			  disable <用户名> | enable <用户名>
			  reset-password <用户名> [--password-stdin]      新密码，下次登录须修改
			  grant <用户名> --role <角色[,角色]> [--department <部门编号>] [--place <乡镇或村编码>]
			  sessions <用户名>                             列出该账号仍有效的会话和 API 令牌
			  revoke-session <会话编号>                     结束一个会话或 API 令牌
			  revoke-sessions <用户名>                      结束该账号的全部会话和 API 令牌
			--place：村务公开人员所属的乡镇（如 xinning）或村（社区）（如 xinning/chengdong），只能发布其辖内的公开内容。
			不给 --password-stdin 时生成随机密码，只在此输出一次；账号所有人首次登录须修改。""";

	/** What was typed, and the password read from standard input when --password-stdin asked for it. */
	public record Invocation(List<String> args, String passwordFromStdin) {

		public static boolean wantsPassword(List<String> args) {
			return args.contains("--password-stdin");
		}
	}

	private final StaffAccounts accounts;

	AccountsCommand(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	/** Runs one command; emits the exit code. Refusals are printed, never thrown. */
	public Mono<Integer> run(Invocation invocation, PrintStream out) {
		return Mono.defer(() -> dispatch(Parsed.of(invocation), out))
				.onErrorResume(AccountProblem.class, problem -> {
					out.println("未执行：" + problem.getMessage());
					return Mono.just(problem instanceof Usage ? 2 : 1);
				});
	}

	private Mono<Integer> dispatch(Parsed command, PrintStream out) {
		return switch (command.name()) {
			case "list" -> accounts.list().doOnNext(account -> out.println(line(account))).count()
					.doOnNext(count -> out.println("共 " + count + " 个账号。")).thenReturn(0);
			case "create" -> accounts.create(AccountAudit.COMMAND_LINE, new StaffAccounts.NewAccount(command.target(), command.option("name"),
					command.option("department"), StaffAccounts.roles(command.option("role")), command.password(), command.option("place")))
					.doOnNext(initial -> printCreated(initial, out)).thenReturn(0);
			case "create-admin" -> accounts.createFirstAdmin(AccountAudit.COMMAND_LINE, command.target(), command.password())
					.doOnNext(initial -> printCreated(initial, out)).thenReturn(0);
			case "disable", "enable" -> accounts.setEnabled(AccountAudit.COMMAND_LINE, command.target(), command.name().equals("enable"))
					.then(Mono.fromRunnable(() -> out.println("账号 " + command.target() + (command.name().equals("enable")
							? " 已启用。" : " 已停用，其全部会话和 API 令牌已结束。")))).thenReturn(0);
			case "reset-password" -> accounts.resetPassword(AccountAudit.COMMAND_LINE, command.target(), command.password())
					.doOnNext(initial -> printPassword(initial, out)).thenReturn(0);
			case "grant" -> accounts.grant(AccountAudit.COMMAND_LINE, command.target(), StaffAccounts.roles(command.option("role")),
					command.option("department"), command.option("place"))
					.doOnNext(member -> out.println("账号 " + member.username() + " 现有角色：" + member.roleLabels()
							+ (member.departmentId() == null ? "" : "，部门：" + member.departmentId())
							+ (member.place() == null ? "" : "，所属：" + member.place()) + "。")).thenReturn(0);
			case "sessions" -> accounts.sessions(command.target())
					.doOnNext(session -> out.println(String.join("\t", session.id().toString(),
							session.kind() == SessionRegistry.Kind.API ? "API 令牌" : "控制台", "登录于 " + session.createdAt(),
							"至 " + session.endsAt(), session.client() == null ? "-" : session.client())))
					.count().doOnNext(count -> out.println("共 " + count + " 个有效会话。")).thenReturn(0);
			case "revoke-session" -> accounts.revokeSession(AccountAudit.COMMAND_LINE, command.target())
					.then(Mono.fromRunnable(() -> out.println("会话 " + command.target() + " 已结束。"))).thenReturn(0);
			case "revoke-sessions" -> accounts.revokeSessions(AccountAudit.COMMAND_LINE, command.target())
					.doOnNext(count -> out.println("账号 " + command.target() + " 的 " + count + " 个会话已结束。")).thenReturn(0);
			default -> Mono.error(new Usage("未知命令：" + command.name() + "\n" + USAGE));
		};
	}

	private static void printCreated(InitialPassword initial, PrintStream out) {
		out.println("已创建账号 " + initial.username() + "。");
		printPassword(initial, out);
	}

	private static void printPassword(InitialPassword initial, PrintStream out) {
		if (initial.generated()) {
			out.println("初始密码（只显示这一次，请当面或经安全渠道交给本人）：" + initial.password());
		}
		out.println("账号所有人下次登录时须设置自己的新密码。");
	}

	private static String line(StaffAccount account) {
		var member = account.member();
		return String.join("\t", member.username(), member.displayName(),
				member.departmentId() == null ? "-" : member.departmentId(), String.join(",", member.roles().stream()
						.map(Enum::name).sorted().toList()), member.place() == null ? "-" : member.place(),
				account.enabled() ? "启用" : "停用", account.mustChangePassword() ? "须改密码" : "-");
	}

	/** A command line that does not say what to do. */
	static final class Usage extends AccountProblem {

		Usage(String message) {
			super(message);
		}
	}

	/** {@code <command> [<username>] [--option value]... [--flag]}. */
	record Parsed(String name, String target, Map<String, String> options, String password) {

		private static final Set<String> OPTIONS = Set.of("--name", "--role", "--department", "--place");

		static Parsed of(Invocation invocation) {
			List<String> args = invocation.args();
			if (args.isEmpty()) {
				throw new Usage("缺少命令。\n" + USAGE);
			}
			List<String> positional = new ArrayList<>();
			Map<String, String> options = new HashMap<>();
			for (int i = 1; i < args.size(); i++) {
				String arg = args.get(i);
				if (arg.equals("--password-stdin")) {
					continue;
				}
				if (arg.startsWith("--")) {
					if (!OPTIONS.contains(arg)) {
						throw new Usage("未知选项：" + arg + "\n" + USAGE);
					}
					if (i + 1 >= args.size()) {
						throw new Usage(arg + " 后缺少取值。\n" + USAGE);
					}
					options.put(arg.substring(2), args.get(++i));
				}
				else {
					positional.add(arg);
				}
			}
			String name = args.get(0);
			if (!name.equals("list") && positional.size() != 1) {
				throw new Usage("命令 " + name + " 需要且只需要一个用户名。\n" + USAGE);
			}
			String password = Invocation.wantsPassword(args) ? required(invocation.passwordFromStdin()) : null;
			return new Parsed(name, positional.isEmpty() ? null : positional.get(0), options, password);
		}

		private static String required(String password) {
			if (password == null || password.isEmpty()) {
				throw new AccountProblem("--password-stdin：标准输入中没有密码。");
			}
			return password;
		}

		String option(String option) {
			return options.get(option);
		}
	}
}
