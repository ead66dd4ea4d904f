package cn.onething.identity.web;

import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.identity.StaffSession;
import cn.onething.identity.accounts.AccountAudit;
import cn.onething.identity.accounts.StaffAccounts;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.identity.internal.StaffAccountStore;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/** 账号管理 for the admin role: creating, disabling and resetting accounts from the console, each audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class AccountsConsoleTests {

	static final String ADMIN_PASSWORD = "the admin's own long passphrase";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	StaffAccountStore store;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	Catalog catalog;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	StaffSession admin;

	@BeforeEach
	void anAdministratorSignedIn() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		if (catalog.current().departments().isEmpty()) {
			catalog.importGuides("test").block();
		}
		db.sql("delete from identity_staff").then().block();
		db.sql("delete from identity_sign_in_failure").then().block();
		demoAccounts.create().block();
		accounts.createFirstAdmin(AccountAudit.COMMAND_LINE, "root.admin", ADMIN_PASSWORD).block();
		db.sql("update identity_staff set must_change_password = false").then().block();
		admin = StaffSession.signedIn(web, "root.admin", ADMIN_PASSWORD);
	}

	@Test
	void onlyTheAdminRoleReachesTheAccounts() {
		StaffSession window = StaffSession.signedIn(web, "window", DemoAccounts.PASSWORD);

		assertThat(window.get("/staff/accounts").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(window.page("/staff")).doesNotContain("账号管理");
		assertThat(admin.page("/staff/accounts")).contains("账号管理", "root.admin", "police", "新建账号");
	}

	@Test
	void aCreatedAccountShowsItsPasswordOnceAndTheAuditSaysWhoDidIt() {
		EntityExchangeResult<String> created = admin.submit("/staff/accounts", "/staff/accounts",
				form("username", "zhang.wei", "name", "张伟", "role", "REVIEWER", "department", "health"));

		assertThat(created.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(created.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
		String password = created.getResponseBody().replaceFirst("(?s).*id=\"initial-password\">([^<]+)<.*", "$1");
		assertThat(password).hasSize(19);
		StaffSession.signedIn(web, "zhang.wei", password);
		assertThat(admin.page("/staff/accounts")).contains("张伟", "待本人修改", "root.admin", "创建账号", "部门审查，部门 health")
				.doesNotContain(password);

		EntityExchangeResult<String> taken = admin.submit("/staff/accounts", "/staff/accounts",
				form("username", "zhang.wei", "name", "冒名", "role", "ADMIN"));
		assertThat(taken.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(taken.getResponseBody()).contains("用户名 zhang.wei 已被占用");
		assertThat(store.byUsername("zhang.wei").block().member().displayName()).isEqualTo("张伟");
	}

	@Test
	void disablingFromTheConsoleSignsTheMemberOutAndResettingGivesANewPassword() {
		StaffSession police = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD);
		assertThat(admin.page("/staff/accounts/police")).contains("有效会话", "工作台", "停用账号");

		EntityExchangeResult<String> disabled = admin.submit("/staff/accounts/police", "/staff/accounts/police/disable", form());
		assertThat(admin.follow(disabled)).contains("已停用，其全部会话和 API 令牌已结束", "启用账号");
		assertThat(police.get("/staff").getResponseHeaders().getLocation()).hasPath("/staff/login");

		EntityExchangeResult<String> reset = admin.submit("/staff/accounts/police", "/staff/accounts/police/reset-password", form());
		assertThat(reset.getResponseBody()).contains("已重置密码 police", "只显示这一次");
		assertThat(store.byUsername("police").block().mustChangePassword()).isTrue();
		assertThat(admin.page("/staff/accounts")).contains("停用", "重置密码");
	}

	@Test
	void changingRolesAndDepartmentReplacesThemEndsTheSessionsAndIsAudited() {
		StaffSession police = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD);
		assertThat(admin.page("/staff/accounts/police")).contains("修改角色和部门", "checked");

		EntityExchangeResult<String> changed = admin.submit("/staff/accounts/police", "/staff/accounts/police/change",
				form("role", "WINDOW", "role", "SUPERVISOR", "department", ""));

		assertThat(admin.follow(changed)).contains("角色和部门已修改");
		StaffMember member = store.byUsername("police").block().member();
		assertThat(member.roles()).containsExactlyInAnyOrder(StaffRole.WINDOW, StaffRole.SUPERVISOR);
		assertThat(member.departmentId()).isNull();
		assertThat(police.get("/staff").getResponseHeaders().getLocation()).as("signed out").hasPath("/staff/login");
		assertThat(admin.page("/staff/accounts")).contains("修改角色和部门", "root.admin");

		EntityExchangeResult<String> reviewerWithoutDepartment = admin.submit("/staff/accounts/police",
				"/staff/accounts/police/change", form("role", "REVIEWER", "department", ""));
		assertThat(reviewerWithoutDepartment.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(reviewerWithoutDepartment.getResponseBody()).contains("部门审查（REVIEWER）角色需要部门");
		EntityExchangeResult<String> unknownDepartment = admin.submit("/staff/accounts/police",
				"/staff/accounts/police/change", form("role", "REVIEWER", "department", "no-such-bureau"));
		assertThat(unknownDepartment.getResponseBody()).contains("未知部门：no-such-bureau");
		EntityExchangeResult<String> noRole = admin.submit("/staff/accounts/police", "/staff/accounts/police/change",
				form("department", "health"));
		assertThat(noRole.getResponseBody()).contains("请至少勾选一个角色");
		EntityExchangeResult<String> ownAdmin = admin.submit("/staff/accounts/root.admin",
				"/staff/accounts/root.admin/change", form("role", "WINDOW"));
		assertThat(ownAdmin.getResponseBody()).contains("不能取消自己的系统管理角色");
		assertThat(store.byUsername("police").block().member().roles()).as("nothing half-changed")
				.containsExactlyInAnyOrder(StaffRole.WINDOW, StaffRole.SUPERVISOR);
		assertThat(store.byUsername("root.admin").block().member().roles()).contains(StaffRole.ADMIN);
	}
}
