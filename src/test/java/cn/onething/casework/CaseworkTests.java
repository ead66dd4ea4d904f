package cn.onething.casework;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.Flag;
import cn.onething.casework.model.StepState;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases stored in a real PostgreSQL: submission with files, decisions, concurrency and the audit trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "onething.catalog.import-on-startup=false")
class CaseworkTests {

	static final byte[] PDF = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
	static final Actor WINDOW = new Actor(Actor.Kind.WINDOW, "w1", "窗口一");
	static final Actor REVIEWER = new Actor(Actor.Kind.REVIEWER, "r1", "审核员");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@Autowired
	Casework casework;

	@Autowired
	DatabaseClient db;

	@Autowired
	JsonMapper json;

	StoredCase submitted() {
		return casework.submit(TermsFixture.parallelTerms(), new Applicant("张三", "45142119900101123X", "13812345678"),
				Map.of("applicant.name", "张三"), Map.of("000707001000", 1),
				List.of(new Upload("birth-certificate", "出生证明.pdf", PDF)), WINDOW).block();
	}

	@Test
	void aSubmittedCaseIsStoredWithItsReceiptCodeMaterialsAndAuditTrail() {
		StoredCase stored = submitted();

		StoredCase found = casework.byReceiptCode(stored.file().receiptCode()).block();
		assertThat(found.file().steps()).extracting(s -> s.state()).containsOnly(StepState.ACTIVE);
		assertThat(found.applicant().phoneEndsWith("5678")).isTrue();
		assertThat(count("casework_material where application_id = '" + stored.file().id() + "'")).isEqualTo(1);
		assertThat(casework.auditTrail(stored.file().id()).map(e -> e.kind()).collectList().block())
				.containsExactly("ApplicationSubmitted", "StepActivated", "StepActivated");
	}

	@Test
	void aFileThatIsNotPdfJpegOrPngIsRefusedByItsContentAndNothingIsStored() {
		long before = count("casework_application");
		Upload disguised = new Upload("birth-certificate", "证明.pdf", "MZ\u0090 this is an exe".getBytes(StandardCharsets.ISO_8859_1));

		assertThatThrownBy(() -> casework.submit(TermsFixture.parallelTerms(), new Applicant("李四", "45142119900101123X", "13900000000"),
				Map.of(), Map.of(), List.of(disguised), WINDOW).block())
				.isInstanceOf(CaseInputRejected.class)
				.satisfies(e -> assertThat(((CaseInputRejected) e).problems())
						.containsEntry("material.birth-certificate", "只能上传 PDF、JPG 或 PNG 文件（“证明.pdf”不是）"));
		assertThat(count("casework_application")).isEqualTo(before);
	}

	@Test
	void twoDepartmentsDecidingAtTheSameMomentBothCount() {
		StoredCase stored = submitted();
		String id = stored.file().id();

		Mono.zip(casework.act(id, REVIEWER, file -> ctx -> file.approve("hukou", null, ctx)),
				casework.act(id, REVIEWER, file -> ctx -> file.approve("insurance", "社保卡邮寄到家", ctx))).block();

		StoredCase after = casework.byId(id).block();
		assertThat(after.file().status()).isEqualTo(CaseStatus.COMPLETED);
		assertThat(after.file().completion().collect()).containsExactly("社保卡邮寄到家");
	}

	@Test
	void flagsBecomeOneNoticeAndTheDepartmentQueueShowsTheCaseAsWaitingForCorrection() {
		String id = submitted().file().id();

		casework.act(id, REVIEWER, file -> ctx -> file.flag("hukou",
				List.of(new Flag(null, "household-register", null, Flag.Problem.MISSING, "未带户口簿")), ctx)).block();
		StoredCase after = casework.act(id, REVIEWER, file -> ctx -> file.approve("insurance", null, ctx)).block();

		assertThat(after.file().status()).isEqualTo(CaseStatus.AWAITING_CORRECTION);
		assertThat(casework.queue("public-security", List.of("FLAGGED")).map(s -> s.file().id()).collectList().block()).contains(id);
		assertThat(casework.queue("public-security", List.of("ACTIVE")).map(s -> s.file().id()).collectList().block()).doesNotContain(id);
	}

	@Test
	void theDeadlineCheckDeemsAcceptedACaseWithoutNoticeAfterFiveWorkingDays() {
		String id = submitted().file().id();
		db.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"') where id = '" + id + "'")
				.then().block();

		casework.checkDeadlines().block();

		StoredCase after = casework.byId(id).block();
		assertThat(after.file().acceptance().basis().name()).isEqualTo("DEEMED");
		assertThat(after.file().acceptance().effectiveOn()).hasToString("2026-01-05");
		assertThat(casework.checkDeadlines().block()).as("idempotent: nothing changes the second time").isZero();
	}

	@Test
	void everyEventOfAChangeIsPublishedThroughTheOutboxWithItsPlaceInTheTrail() {
		StoredCase stored = submitted();
		String id = stored.file().id();
		casework.act(id, REVIEWER, file -> ctx -> file.approve("hukou", null, ctx)).block();

		List<CaseNews> news = db.sql("select payload from outbox_message where kind = 'casework.event' and dedupe_key like :key order by created_at")
				.bind("key", "case:" + id + ":%")
				.map(row -> json.readValue(row.get("payload", String.class), CaseNews.class)).all().collectList().block();

		assertThat(news).extracting(CaseNews::seq).containsExactly(1, 2, 3, 4);
		assertThat(news).extracting(CaseNews::kind)
				.containsExactly("ApplicationSubmitted", "StepActivated", "StepActivated", "StepDecided");
		assertThat(news).extracting(CaseNews::receiptCode).containsOnly(stored.file().receiptCode());
		assertThat(news.get(3).read(json)).get().isInstanceOfSatisfying(CaseEvent.StepDecided.class,
				decided -> assertThat(decided.stepId()).isEqualTo("hukou"));
		assertThat(news.get(3).stepName("hukou")).as("a reader can name the step to the applicant").isEqualTo("出生登记");
	}

	@Test
	void whenTheNewsCannotBeWrittenTheChangeIsNotSavedEither() {
		String id = submitted().file().id();
		int revision = casework.byId(id).block().revision();
		long events = count("casework_event where application_id = '" + id + "'");
		db.sql("alter table outbox_message add constraint refuse_news check (kind <> 'casework.event') not valid").then().block();
		try {
			assertThatThrownBy(() -> casework.act(id, REVIEWER, file -> ctx -> file.approve("hukou", null, ctx)).block())
					.hasMessageContaining("refuse_news");
		}
		finally {
			db.sql("alter table outbox_message drop constraint refuse_news").then().block();
		}

		StoredCase after = casework.byId(id).block();
		assertThat(after.revision()).isEqualTo(revision);
		assertThat(after.file().steps()).extracting(s -> s.state()).containsOnly(StepState.ACTIVE);
		assertThat(count("casework_event where application_id = '" + id + "'")).isEqualTo(events);
	}

	private long count(String fromWhere) {
		return db.sql("select count(*) as n from " + fromWhere).map(row -> row.get("n", Long.class)).one().block();
	}
}
