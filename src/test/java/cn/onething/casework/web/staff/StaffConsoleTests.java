package cn.onething.casework.web.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.CaseStep;
import cn.onething.casework.model.StepState;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console against a running server and its own database: queues, decisions, the one-time notice, a
 * supervisor's exception, what each role sees of the applicant, and the department rule. Cases come from the newborn
 * fixture: 出生登记 by 公安 (police) and 医保参保 by 医保 (medical), in parallel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false" })
class StaffConsoleTests {

	static final byte[] PDF = "%PDF-1.4\n%birth certificate\n".getBytes(StandardCharsets.US_ASCII);
	static final Applicant ZHANG = new Applicant("张三丰", "45142119900101123X", "13812345678");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Casework casework;

	@Autowired
	DemoAccounts demoAccounts;

	@Autowired
	DatabaseClient db;

	WebTestClient web;

	StoredCase stored;

	@BeforeEach
	void aCaseAtTheWindow() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		stored = casework.submit(TermsFixture.parallelTerms(), ZHANG, Map.of("applicant.name", "张三丰"), Map.of(),
				List.of(new Upload("birth-certificate", "出生证明.pdf", PDF)), new Actor(Actor.Kind.WINDOW, "window", "一窗受理")).block();
	}

	@Test
	void aReviewerSeesTheCaseInTheQueueWithItsNoticeDueDate() {
		String queue = signIn("police").page("/staff");

		assertThat(queue).contains(receiptCode(), "新生儿出生一件事", "张三丰", "待审查",
				stored.file().noticeDueOn(casework.calendar()).toString());
		assertThat(queue).as("one click to the page where staff print the compendium").contains("href=\"/staff/documents\"");
	}

	@Test
	void overdueCasesComeFirstAndAreMarked() {
		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = '"
				+ stored.file().id() + "'").then().block();
		StoredCase fresh = submit();

		String queue = signIn("window").page("/staff");

		assertThat(queue.indexOf(receiptCode())).isLessThan(queue.indexOf(fresh.file().receiptCode()));
		assertThat(queue).contains("class=\"overdue\"", "已超期");
	}

	@Test
	void theWindowFindsACompletedCaseByTheReceiptCodeTheApplicantBrings() {
		Actor reviewer = new Actor(Actor.Kind.REVIEWER, "police", "公安审核员");
		casework.act(id(), reviewer, file -> ctx -> file.approve("hukou", null, ctx)).block();
		casework.act(id(), reviewer, file -> ctx -> file.approve("insurance", null, ctx)).block();
		StaffSession window = signIn("window");
		assertThat(window.page("/staff")).as("a completed case is in no queue").doesNotContain(receiptCode());

		EntityExchangeResult<String> found = window.get("/staff/find?receipt= " + receiptCode().toLowerCase());

		assertThat(found.getResponseHeaders().getLocation()).hasPath(casePath());
		assertThat(window.follow(found)).contains(receiptCode(), "已办结");
		EntityExchangeResult<String> unknown = window.get("/staff/find?receipt=FS00000000");
		assertThat(unknown.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getResponseBody()).contains("没有回执编号为“FS00000000”的案件");
	}

	@Test
	void aReviewerApprovesTheirStepWithANoteForTheApplicant() {
		StaffSession police = signIn("police");

		EntityExchangeResult<String> approved = police.submit(casePath(), casePath() + "/steps/hukou/approve",
				form("note", "新户口簿请到户籍窗口领取"));

		assertThat(approved.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(police.follow(approved)).contains("已通过，办理结果已记录", "新户口簿请到户籍窗口领取", "公安审核员");
		CaseStep hukou = casework.byId(id()).block().file().step("hukou").orElseThrow();
		assertThat(hukou.state()).isEqualTo(StepState.APPROVED);
		assertThat(hukou.decidedBy()).isEqualTo(new Actor(Actor.Kind.REVIEWER, "police", "公安审核员"));
	}

	@Test
	void flagsOfBothDepartmentsBecomeOneNoticeOnTheCasePage() {
		flag("police", "hukou", "household-register", "MISSING", "请带父母双方户口簿");
		flag("medical", "insurance", "birth-certificate", "DEFECTIVE", "出生医学证明照片不清晰");

		String page = signIn("window").page(casePath());

		assertThat(casework.byId(id()).block().file().status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
		assertThat(page).contains("一次性告知", "第 1 号", "居民户口簿", "缺少", "请带父母双方户口簿",
				"出生医学证明照片不清晰", "不符合要求", "发出第 1 号一次性告知，共 2 项");
		assertThat(signIn("police").page("/staff")).contains(receiptCode(), "待补正");
	}

	@Test
	void aFlagWithoutMaterialOrReasonSaysWhichFieldAndWhy() {
		StaffSession police = signIn("police");

		EntityExchangeResult<String> nothingChosen = police.submit(casePath(), casePath() + "/steps/hukou/flag", form());
		EntityExchangeResult<String> noReason = police.submit(casePath(), casePath() + "/steps/hukou/flag",
				form("material", "household-register", "problem.household-register", "MISSING", "reason.household-register", " "));

		assertThat(nothingChosen.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(nothingChosen.getResponseBody()).contains("请至少勾选一项需要补正的材料");
		assertThat(noReason.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(noReason.getResponseBody()).contains("请写明“居民户口簿”需要补正的原因")
				.as("the choice is kept").containsPattern("id=\"flag-hukou-household-register\"\\s+checked");
		assertThat(casework.byId(id()).block().file().step("hukou").orElseThrow().state()).isEqualTo(StepState.ACTIVE);
	}

	@Test
	void aRefusalNeedsAReason() {
		EntityExchangeResult<String> refused = signIn("police").submit(casePath(), casePath() + "/steps/hukou/refuse", form("reason", ""));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getResponseBody()).contains("请写明不予批准的理由");
	}

	@Test
	void aReviewerCannotDecideAnotherDepartmentsStep() {
		StaffSession medical = signIn("medical");

		EntityExchangeResult<String> refused = medical.submit(casePath(), casePath() + "/steps/hukou/approve", form("note", ""));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getResponseBody()).contains("“出生登记”由", "审查，您不能对这个环节作出决定");
		assertThat(casework.byId(id()).block().file().step("hukou").orElseThrow().state()).isEqualTo(StepState.ACTIVE);
		assertThat(medical.page(casePath())).as("only their own step offers decisions")
				.contains("steps/insurance/approve").doesNotContain("steps/hukou/approve");
	}

	@Test
	void aCorrectionBroughtToTheWindowOverTheUploadLimitIsRefusedOnTheCasePageAndNothingIsStored() {
		flag("police", "hukou", "household-register", "MISSING", "请带户口簿");
		approve("medical", "insurance");
		var waiting = casework.byId(id()).block().file().status();
		var materials = casework.materials(id()).collectList().block();
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("material.household-register", new ByteArrayResource(java.util.Arrays.copyOf(PDF, 11 * 1024 * 1024)) {
			@Override
			public String getFilename() {
				return "户口簿.pdf";
			}
		});

		EntityExchangeResult<String> refused = signIn("window").upload(casePath(), casePath() + "/correction", parts);

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(refused.getResponseBody()).contains("有一个文件超过 10 MB 的上限");
		assertThat(casework.byId(id()).block().file().status()).isEqualTo(waiting);
		assertThat(casework.materials(id()).collectList().block()).isEqualTo(materials);
	}

	@Test
	void aSupervisorLetsADepartmentRaiseAnItemTheNoticeDidNotList() {
		flag("police", "hukou", "household-register", "MISSING", "请带户口簿");
		approve("medical", "insurance");
		collectCorrection("household-register", "户口簿.pdf");
		assertThat(casework.byId(id()).block().file().step("hukou").orElseThrow().state()).isEqualTo(StepState.ACTIVE);

		EntityExchangeResult<String> beyondNotice = signIn("police").submit(casePath(), casePath() + "/steps/hukou/flag",
				form("material", "birth-certificate", "reason.birth-certificate", "出生医学证明缺少骑缝章"));
		assertThat(beyondNotice.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(beyondNotice.getResponseBody()).contains("须由主管登记例外并写明理由");

		StaffSession supervisor = signIn("supervisor");
		EntityExchangeResult<String> exception = supervisor.submit(casePath(), casePath() + "/steps/hukou/exception",
				form("material", "birth-certificate", "problem.birth-certificate", "DEFECTIVE",
						"reason.birth-certificate", "出生医学证明缺少骑缝章", "exceptionReason", "医院更换了证明样式，首次审查时无法发现"));

		assertThat(supervisor.follow(exception)).contains("已登记例外", "第 2 号", "出生医学证明缺少骑缝章",
				"登记例外", "医院更换了证明样式，首次审查时无法发现");
		assertThat(casework.byId(id()).block().file().latestNotice().orElseThrow().version()).isEqualTo(2);
	}

	@Test
	void anExceptionNeedsAReason() {
		EntityExchangeResult<String> noReason = signIn("supervisor").submit(casePath(), casePath() + "/steps/hukou/exception",
				form("material", "birth-certificate", "reason.birth-certificate", "缺章"));

		assertThat(noReason.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(noReason.getResponseBody()).contains("请写明登记例外的理由");
	}

	@Test
	void onlyTheHeadExtendsAnAcceptedCaseAndNeedsAReasonForTheApplicant() {
		deemedAccepted();
		assertThat(signIn("supervisor").page(casePath())).as("a supervisor is not the authority's head").doesNotContain("延长 15 个工作日");
		EntityExchangeResult<String> bySupervisor = signIn("supervisor").submit(casePath(), casePath() + "/extension",
				form("reason", "需现场核查经营场所"));
		assertThat(bySupervisor.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(bySupervisor.getResponseBody()).contains("只有机关负责人岗位可以批准延长办理期限");

		StaffSession head = signIn("head");
		assertThat(head.page(casePath())).as("deemed accepted, so the deadline may be extended")
				.contains("逾期未一次性告知，自收到申请材料之日起视为受理", "延长 15 个工作日");
		EntityExchangeResult<String> noReason = head.submit(casePath(), casePath() + "/extension", form("reason", ""));

		assertThat(noReason.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(noReason.getResponseBody()).contains("请写明延长期限的理由，将告知申请人");
		assertThat(casework.byId(id()).block().file().extensionReason()).isNull();

		head.submit(casePath(), casePath() + "/extension", form("reason", "需现场核查经营场所"));
		assertThat(casework.byId(id()).block().file().extensionReason()).isEqualTo("需现场核查经营场所");
		assertThat(head.page(casePath())).contains("经机关负责人批准延长办理期限 15 个工作日；理由：需现场核查经营场所");
	}

	@Test
	void aReviewerStopsTheClockOfTheirStepForAHearingAndEndsItByARecordedAct() {
		deemedAccepted();
		String today = casework.today().toString();
		String tomorrow = casework.today().plusDays(1).toString();
		String path = casePath() + "/steps/hukou/procedures";
		StaffSession police = signIn("police");
		assertThat(police.page(casePath())).contains("“出生登记”中止计时（特别程序）");

		List<EntityExchangeResult<String>> refused = List.of(
				police.submit(casePath(), path, form("kind", "HEARING", "reason", "需要听证", "from", today, "until", casework.today().minusDays(1).toString())),
				police.submit(casePath(), path, form("kind", "HEARING", "reason", "需要听证", "from", tomorrow, "until", tomorrow)),
				police.submit(casePath(), path, form("kind", "HEARING", "reason", " ", "from", today, "until", today)),
				police.submit(casePath(), path, form("kind", "PICNIC", "reason", "需要听证", "from", today, "until", today)),
				police.submit(casePath(), path, form("kind", "HEARING", "reason", "需要听证", "from", "2026-13-45", "until", today)),
				police.submit(casePath(), path + "/end", form()));
		List<String> why = List.of("不能早于开始日期", "开始日期不能晚于今天", "请写明中止计时的理由", "请选择程序",
				"日期应写成 2026-03-02 这样的格式", "没有正在进行的中止计时程序");
		for (int i = 0; i < refused.size(); i++) {
			assertThat(refused.get(i).getStatus()).as(why.get(i)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(refused.get(i).getResponseBody()).contains(why.get(i));
		}
		EntityExchangeResult<String> otherDepartment = signIn("medical").submit(casePath(), path,
				form("kind", "HEARING", "reason", "需要听证", "from", today, "until", tomorrow));
		assertThat(otherDepartment.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(casework.byId(id()).block().file().specialProcedures()).as("nothing half-stored").isEmpty();

		EntityExchangeResult<String> started = police.submit(casePath(), path,
				form("kind", "HEARING", "reason", "利害关系人申请听证", "from", today, "until", casework.today().plusDays(10).toString()));
		assertThat(started.getStatus()).as(started.getResponseBody()).isEqualTo(HttpStatus.SEE_OTHER);
		assertThat(police.follow(started)).contains("已中止计时", "听证：" + today + " 起，预计", "（进行中）", "利害关系人申请听证",
				"登记结束，恢复计时");
		EntityExchangeResult<String> decidedWhileRunning = police.submit(casePath(), casePath() + "/steps/hukou/approve", form());
		assertThat(decidedWhileRunning.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(decidedWhileRunning.getResponseBody()).contains("听证尚未登记结束，请先登记结束再作出决定");

		EntityExchangeResult<String> ended = police.submit(casePath(), path + "/end", form());
		assertThat(ended.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
		StoredCase after = casework.byId(id()).block();
		int total = cn.onething.casework.model.CaseSchedule.of(after.file(), casework.calendar()).totalSuspendedWorkingDays();
		assertThat(after.file().specialProcedures()).singleElement().satisfies(hearing -> assertThat(hearing.endedOn()).isEqualTo(casework.today()));
		assertThat(police.page(casePath())).contains("特别程序中止计时合计 " + total + " 个工作日",
				"“出生登记”听证结束（" + today + " 至 " + today + "），中止计时 " + total + " 个工作日");
	}

	private void deemedAccepted() {
		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = '"
				+ id() + "'").then().block();
		casework.checkDeadlines().block();
	}

	@Test
	void onlyStaffHandlingTheCaseSeeTheApplicantAndTheMaterials() {
		for (String handling : List.of("police", "medical", "window", "supervisor")) {
			assertThat(signIn(handling).page(casePath())).as(handling).contains("张三丰", "45142119900101123X", "13812345678", "出生证明.pdf");
		}
		for (String other : List.of("fund", "publisher")) {
			StaffSession session = signIn(other);
			// not even the phone's last four digits: with the receipt code on the page they open the progress link
			assertThat(session.page(casePath())).as(other).contains("张**", "451***************", "138********")
					.doesNotContain("张三丰", "45142119900101123X", "13812345678", "*5678", "出生证明.pdf");
			assertThat(session.get(materialPath()).getStatus()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void aMaterialOpensForAReviewerOfTheCase() {
		EntityExchangeResult<String> material = signIn("police").get(materialPath());

		assertThat(material.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(material.getResponseHeaders().getContentType()).hasToString("application/pdf");
		assertThat(material.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("出生证明.pdf");
		assertThat(material.getResponseBody()).contains("%PDF-1.4");
	}

	@Test
	void everyActionNeedsTheCsrfTokenOfTheForm() {
		StaffSession police = signIn("police");
		police.page(casePath());

		EntityExchangeResult<String> forged = police.post(casePath() + "/steps/hukou/approve", form("note", "跨站请求"));

		assertThat(forged.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(casework.byId(id()).block().file().step("hukou").orElseThrow().state()).isEqualTo(StepState.ACTIVE);
	}

	@Test
	void aRuleOfTheCaseIsShownInWordsOnThePage() {
		flag("police", "hukou", "household-register", "MISSING", "请带户口簿");
		approve("medical", "insurance");

		EntityExchangeResult<String> tolerant = signIn("window").submit(casePath(), casePath() + "/tolerant-acceptance",
				form("signature", "申请人已签署承诺书", "supplyBy", "2099-12-31"));

		assertThat(tolerant.getStatus()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(tolerant.getResponseBody()).contains("“居民户口簿”不是可容缺的次要材料，不能容缺受理", "申请人已签署承诺书");
	}

	@Test
	void aReviewerCannotUseTheWindowsActions() {
		flag("police", "hukou", "household-register", "MISSING", "请带户口簿");
		approve("medical", "insurance");

		EntityExchangeResult<String> refused = signIn("police").submit(casePath(), casePath() + "/tolerant-acceptance",
				form("signature", "已签", "supplyBy", "2099-12-31"));

		assertThat(refused.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getResponseBody()).contains("只有一窗受理岗位可以容缺受理");
	}

	private StaffSession signIn(String username) {
		return StaffSession.signedIn(web, username, DemoAccounts.PASSWORD);
	}

	private void flag(String reviewer, String step, String material, String problem, String reason) {
		MultiValueMap<String, String> fields = form("material", material, "problem." + material, problem, "reason." + material, reason);
		EntityExchangeResult<String> flagged = signIn(reviewer).submit(casePath(), casePath() + "/steps/" + step + "/flag", fields);
		assertThat(flagged.getStatus()).as(flagged.getResponseBody()).isEqualTo(HttpStatus.SEE_OTHER);
	}

	private void approve(String reviewer, String step) {
		EntityExchangeResult<String> approved = signIn(reviewer).submit(casePath(), casePath() + "/steps/" + step + "/approve", form());
		assertThat(approved.getStatus()).as(approved.getResponseBody()).isEqualTo(HttpStatus.SEE_OTHER);
	}

	private void collectCorrection(String material, String fileName) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("material." + material, new ByteArrayResource(PDF) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		EntityExchangeResult<String> collected = signIn("window").upload(casePath(), casePath() + "/correction", parts);
		assertThat(collected.getStatus()).as(collected.getResponseBody()).isEqualTo(HttpStatus.SEE_OTHER);
	}

	private StoredCase submit() {
		return casework.submit(TermsFixture.parallelTerms(), ZHANG, Map.of(), Map.of(), List.of(), Actor.applicant()).block();
	}

	private String id() {
		return stored.file().id();
	}

	private String receiptCode() {
		return stored.file().receiptCode();
	}

	private String casePath() {
		return "/staff/cases/" + id();
	}

	private String materialPath() {
		String materialId = casework.materials(id()).blockFirst().id();
		return casePath() + "/materials/" + materialId;
	}
}
