package cn.onething.identity.accounts;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.onething.catalog.Catalog;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts command line against a real PostgreSQL: what it prints, what it stores, and what it refuses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class AccountsCommandTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@Autowired
	AccountsCommand command;

	@Autowired
	DatabaseClient db;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Catalog catalog;

	record Run(int exitCode, String output) {
	}

	@BeforeEach
	void noAccountsAndTheSampleDepartments() {
		db.sql("delete from identity_staff").then().block();
		if (catalog.current().departments().isEmpty()) {
			catalog.importGuides("test").block();
		}
	}

	@Test
	void createThenListShowsTheAccountWithAMustChangePasswordAndAGeneratedPasswordThatSignsIn() {
		Run created = run("create", "zhang.wei", "--name", "张伟", "--role", "reviewer", "--department", "health");

		assertThat(created.exitCode()).isZero();
		String password = created.output().lines().filter(line -> line.startsWith("初始密码")).findFirst().orElseThrow()
				.replaceFirst("^.*：", "");
		assertThat(password).hasSize(19);
		assertThat(encoder.matches(password, column("zhang.wei", "password_hash"))).isTrue();
		assertThat(column("zhang.wei", "must_change_password")).isEqualTo("true");

		Run listed = run("list");
		assertThat(listed.output()).contains("zhang.wei\t张伟\thealth\tREVIEWER\t-\t启用\t须改密码", "共 1 个账号")
				.doesNotContain(password);
	}

	@Test
	void disableAndEnableFlipTheAccount() {
		run("create", "window2", "--name", "二号窗口", "--role", "window");

		assertThat(run("disable", "window2").exitCode()).isZero();
		assertThat(column("window2", "enabled")).isEqualTo("false");
		assertThat(run("list").output()).contains("window2\t二号窗口\t-\tWINDOW\t-\t停用");

		assertThat(run("enable", "window2").exitCode()).isZero();
		assertThat(column("window2", "enabled")).isEqualTo("true");
	}

	@Test
	void aTakenUsernameIsRefusedAndTheFirstAccountStaysAsItWas() {
		run("create", "window2", "--name", "二号窗口", "--role", "window");
		String hash = column("window2", "password_hash");

		Run again = run("create", "window2", "--name", "冒名", "--role", "admin");

		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.output()).contains("用户名 window2 已被占用，未作任何更改");
		assertThat(column("window2", "password_hash")).isEqualTo(hash);
		assertThat(column("window2", "display_name")).isEqualTo("二号窗口");
	}

	@Test
	void anUnknownDepartmentOrRoleOrAReviewerWithoutDepartmentIsRefusedWithNothingStored() {
		Run department = run("create", "li.na", "--name", "李娜", "--role", "reviewer", "--department", "tax-bureau");
		Run role = run("create", "li.na", "--name", "李娜", "--role", "cashier");
		Run noDepartment = run("create", "li.na", "--name", "李娜", "--role", "reviewer");

		assertThat(department.exitCode()).isEqualTo(1);
		assertThat(department.output()).contains("未知部门：tax-bureau", "health");
		assertThat(role.output()).contains("未知角色：cashier", "WINDOW（一窗受理）");
		assertThat(noDepartment.output()).contains("部门审查（REVIEWER）角色需要部门");
		assertThat(count()).isZero();
	}

	@Test
	void aVillagePublisherIsPlacedInACommitteeOrTownshipOfGuidesPlacesAndAnUnknownPlaceIsRefusedWithNothingStored() {
		Run unknown = run("create", "wei.fang", "--name", "韦芳", "--role", "disclosure", "--place", "xinning/nowhere");

		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.output()).contains("未知的所属乡镇或村（社区）：xinning/nowhere").doesNotContain("尚未读取");
		assertThat(run("list").output()).contains("共 0 个账号");

		assertThat(run("create", "wei.fang", "--name", "韦芳", "--role", "disclosure", "--place", "xinning/chengdong").exitCode())
				.isZero();
		assertThat(column("wei.fang", "place")).isEqualTo("xinning/chengdong");
		assertThat(run("grant", "wei.fang", "--role", "disclosure", "--place", "quli").output()).contains("所属：quli");
		assertThat(run("list").output()).contains("wei.fang\t韦芳\t-\tDISCLOSURE\tquli\t启用");
	}

	@Test
	void aChosenPasswordMustPassThePolicy() {
		Run shortOne = runWithPassword("short-pw", "create", "li.na", "--name", "李娜", "--role", "window", "--password-stdin");
		Run common = runWithPassword("qwerty123456", "create", "li.na", "--name", "李娜", "--role", "window", "--password-stdin");
		Run good = runWithPassword("三月三的歌圩真热闹我们一起去", "create", "li.na", "--name", "李娜", "--role", "window", "--password-stdin");

		assertThat(shortOne.output()).contains("密码至少需要 12 个字符");
		assertThat(common.output()).contains("泄露密码库中常见的密码");
		assertThat(good.exitCode()).isZero();
		assertThat(good.output()).doesNotContain("初始密码", "三月三");
		assertThat(count()).isOne();
	}

	@Test
	void theFirstAdminIsCreatedOnceOnly() {
		Run first = run("create-admin", "root.admin");
		Run second = run("create-admin", "another.admin");

		assertThat(first.exitCode()).isZero();
		assertThat(first.output()).contains("已创建账号 root.admin", "初始密码", "下次登录时须设置自己的新密码");
		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.output()).contains("已有系统管理员账号");
		assertThat(count()).isOne();
	}

	@Test
	void grantAddsRolesAndResetPasswordReplacesTheHash() {
		run("create", "wang.fang", "--name", "王芳", "--role", "window");
		String hash = column("wang.fang", "password_hash");

		assertThat(run("grant", "wang.fang", "--role", "reviewer,supervisor", "--department", "public-security").output())
				.contains("一窗受理、部门审查、主管", "public-security");
		Run reset = run("reset-password", "wang.fang");

		assertThat(reset.output()).contains("初始密码");
		assertThat(column("wang.fang", "password_hash")).isNotEqualTo(hash);
		assertThat(run("reset-password", "nobody").output()).contains("没有用户名为 nobody 的账号");
	}

	@Test
	void aMistypedCommandLineSaysHowToUseIt() {
		Run unknown = run("delete", "wang.fang");
		Run badOption = run("create", "wang.fang", "--rol", "window");

		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.output()).contains("未知命令：delete", "用法：accounts");
		assertThat(badOption.output()).contains("未知选项：--rol");
	}

	private Run run(String... args) {
		return runWithPassword(null, args);
	}

	private Run runWithPassword(String stdin, String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int exit = command.run(new AccountsCommand.Invocation(List.of(args), stdin), out).block();
		return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
	}

	private String column(String username, String column) {
		return db.sql("select " + column + "::text as v from identity_staff where username = :u").bind("u", username)
				.map(row -> row.get("v", String.class)).one().block();
	}

	private long count() {
		return db.sql("select count(*) as n from identity_staff").map(row -> row.get("n", Long.class)).one().block();
	}
}
