package cn.onething.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseTerms;
import cn.onething.casework.model.StepPlan;
import cn.onething.notification.internal.BindingScenes;
import cn.onething.wechat.AgainstFakeWechat;
import cn.onething.wechat.fake.FakeEvents;
import cn.onething.wechat.fake.FakeMessages;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service with the fake WeChat's account, pushing case news to applicants bound through the fake. The
 * outbox polls and backs off in fractions of a second; the debounce window is ten minutes, so a digest of step news
 * stays collecting until a test makes it due ({@link #makeDue}). Test classes extending this share one context.
 */
@TestPropertySource(properties = {
		"onething.outbox.poll-interval=200ms", "onething.outbox.backoff-base=200ms", "onething.outbox.backoff-cap=1s",
		"onething.notification.debounce-window=10m", "onething.casework.deadline-check-delay=1h",
		"onething.identity.demo-accounts=false", "onething.catalog.public-base-url=" + AgainstFakeWechat.PUBLIC_BASE_URL })
public abstract class NotifyingService extends AgainstFakeWechat {

	static final String TEMPLATE = "onething-case-progress";
	static final byte[] PDF = "%PDF-1.4\n%birth certificate\n".getBytes(StandardCharsets.US_ASCII);
	static final Actor WINDOW = new Actor(Actor.Kind.WINDOW, "window", "一窗受理");
	static final Actor REVIEWER = new Actor(Actor.Kind.REVIEWER, "police", "审核员");
	static final Applicant ZHANG = new Applicant("张三丰", "45142119900101123X", "13812345678");
	static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	protected Casework casework;

	@Autowired
	protected BindingScenes scenes;

	@Autowired
	protected CaseLinks links;

	@Autowired
	protected DatabaseClient db;

	@BeforeEach
	void theAccountsTemplate() {
		FAKE.messages().template(TEMPLATE, "character_string1", "thing2", "phrase3", "time4", "thing5");
	}

	/**
	 * 出生登记 (公安) and 医保参保 (医保) in parallel, 社保卡申领 (人社) after 出生登记: deciding the first two closes the
	 * review round (a notice, or acceptance) and leaves the case open.
	 */
	static CaseTerms newbornTerms(int correctionWorkingDays) {
		return new CaseTerms("newborn", "新生儿出生一件事", 1, List.of(
				new StepPlan("hukou", "出生登记", "public-security", List.of("000707001000"), List.of()),
				new StepPlan("insurance", "医保参保", "medical-security", List.of("002040416000"), List.of()),
				new StepPlan("card", "社保卡申领", "human-resources", List.of("002013417000"), List.of("hukou"))),
				5, true, Map.of("birth-certificate", "出生医学证明", "household-register", "居民户口簿"),
				Set.of(), "451421", correctionWorkingDays, 5);
	}

	protected StoredCase submitted() {
		return submitted(newbornTerms(10));
	}

	StoredCase submitted(CaseTerms terms) {
		return casework.submit(terms, ZHANG, Map.of("applicant.name", ZHANG.name()), Map.of(),
				List.of(new Upload("birth-certificate", "出生证明.pdf", PDF)), WINDOW).block();
	}

	/** A new follower of the account. */
	static String follower() {
		String openid = "oNOTIFY" + NEXT.incrementAndGet() + "x" + System.nanoTime() % 100_000;
		FAKE.messages().follower(openid);
		return openid;
	}

	/** The follower scans the case's binding code; returns once the binding's confirmation was delivered. */
	protected String boundFollower(StoredCase stored) {
		String openid = follower();
		scans(openid, stored);
		awaitPush(openid, "bound", "delivered");
		return openid;
	}

	/** The openid scans the case's binding code in WeChat, which pushes the SCAN event to the service. */
	void scans(String openid, StoredCase stored) {
		FAKE.callbacks().push(FakeEvents.scan(openid, scenes.sceneFor(stored.file().receiptCode()), "TICKET"));
	}

	protected void approve(StoredCase stored, String step, String resultNote) {
		casework.act(stored.file().id(), REVIEWER, file -> context -> file.approve(step, resultNote, context)).block();
	}

	protected List<FakeMessages.Delivery> deliveriesTo(String openid) {
		return FAKE.messages().deliveries().stream().filter(delivery -> delivery.openid().equals(openid)).toList();
	}

	/** The pushes to an openid, oldest first. */
	protected List<Map<String, Object>> pushesTo(String openid) {
		return db.sql("""
				select kind, status, dedupe_key, data::text as data, lines::text as lines, url, collecting, attempts, last_error,
				  msgid from notification_push where openid = :openid order by created_at, first_seq
				""").bind("openid", openid).fetch().all().collectList().block();
	}

	protected void awaitPush(String openid, String kind, String status) {
		// asserted rather than polled for a boolean, so that a timeout shows what the pushes were
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pushesTo(openid))
				.anySatisfy(push -> assertThat(push).containsEntry("kind", kind).containsEntry("status", status)));
	}

	protected boolean bound(StoredCase stored, String openid) {
		return db.sql("select count(*) as n from notification_binding where receipt_code = :receipt and openid = :openid")
				.bind("receipt", stored.file().receiptCode()).bind("openid", openid)
				.map(row -> row.get("n", Long.class)).one().block() == 1;
	}

	/** Every piece of the case's news has been through the notification module. */
	void awaitNewsHandled(StoredCase stored) {
		await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("""
				select count(*) as n from outbox_message
				where kind = 'casework.event' and dedupe_key like :key and status <> 'completed'
				""").bind("key", "case:" + stored.file().id() + ":%").map(row -> row.get("n", Long.class)).one().block() == 0);
	}

	/** As if the debounce window had passed: the outbox message of the push is due now. */
	protected void makeDue(String pushDedupeKey) {
		db.sql("update outbox_message set next_attempt_at = now() where dedupe_key = :key")
				.bind("key", pushDedupeKey).fetch().rowsUpdated().block();
	}
}
