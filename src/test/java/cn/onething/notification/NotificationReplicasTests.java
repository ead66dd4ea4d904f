package cn.onething.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import cn.onething.casework.Applicant;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.deploy.Replica;
import cn.onething.notification.internal.BindingScenes;
import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.fake.FakeCallbacks;
import cn.onething.wechat.fake.FakeEvents;
import cn.onething.wechat.fake.FakeMessages;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.Fault;
import cn.onething.wechat.internal.WechatEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pushes from service instances sharing one database and one WeChat (the fake), as Kubernetes runs them: every push
 * reaches its applicant exactly once, and a replica that stops in the middle of sending loses none.
 */
class NotificationReplicasTests {

	static final byte[] PDF = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
	static final Actor WINDOW = new Actor(Actor.Kind.WINDOW, "window", "一窗受理");
	static final String TEMPLATE = "onething-case-progress";
	static final AtomicInteger NEXT = new AtomicInteger();

	private final FakeWechat fake = FakeWechat.start();
	private final List<ConfigurableApplicationContext> replicas = new java.util.ArrayList<>();

	@AfterEach
	void stop() {
		replicas.forEach(ConfigurableApplicationContext::close);
		fake.close();
	}

	@Test
	void twoReplicasDeliverNEventsAsExactlyNPushes() {
		Map<String, String> settings = settings();
		ConfigurableApplicationContext first = start(settings);
		ConfigurableApplicationContext second = start(settings);
		int cases = 30;
		Map<String, String> openidByCase = bindNewCases(first, second, cases);
		await().atMost(Duration.ofSeconds(60)).until(() -> fake.messages().deliveries().size() == cases);

		// 行政许可法 §32(4): received long ago without a one-time notice, so every case is deemed accepted, once
		first.getBean(DatabaseClient.class)
				.sql("update casework_application set state = jsonb_set(state, '{receivedOn}', '\"2026-01-05\"')").then().block();
		Mono.zip(first.getBean(Casework.class).checkDeadlines().subscribeOn(Schedulers.parallel()),
				second.getBean(Casework.class).checkDeadlines().subscribeOn(Schedulers.parallel())).block();

		await().atMost(Duration.ofSeconds(60)).until(() -> deemed().size() == cases);
		await().atMost(Duration.ofSeconds(30)).until(() -> outboxRowsNotCompleted(first) == 0);
		assertThat(deemed()).as("one push per case, to its applicant")
				.containsOnlyKeys(openidByCase.values()).allSatisfy((openid, pushes) -> assertThat(pushes).isEqualTo(1));
		assertThat(fake.messages().deliveries()).hasSize(2 * cases);
	}

	@Test
	void aReplicaStoppedWhileSendingLosesNothingAndTheApplicantGetsEachPushOnce() {
		Map<String, String> settings = settings();
		settings.put("onething.outbox.lease", "3s");
		settings.put("onething.outbox.handler-timeout", "2s");
		settings.put("onething.outbox.shutdown-wait", "100ms");
		settings.put("onething.wechat.read-timeout", "1s");
		ConfigurableApplicationContext stopping = start(settings);
		int cases = 5;
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.slow(Duration.ofSeconds(3)), cases);

		Map<String, String> openidByCase = bindNewCases(stopping, stopping, cases);
		// at least: a send that timed out may already have been sent again by the time this thread looks (on a busy
		// machine it may not look for a while), and a count past five never equals five again
		await().atMost(Duration.ofSeconds(30)).until(() -> fake.received(FakeWechat.TEMPLATE_SEND_PATH).size() >= cases);
		stopping.close();
		replicas.remove(stopping);

		ConfigurableApplicationContext next = start(settings);

		await().atMost(Duration.ofSeconds(60)).until(() -> outboxRowsNotCompleted(next) == 0);
		assertThat(next.getBean(DatabaseClient.class).sql("select status from notification_push").map(row -> row.get("status", String.class))
				.all().collectList().block()).hasSize(cases).containsOnly("sent");
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH).size()).as("sent again after the leases ran out")
				.isGreaterThanOrEqualTo(2 * cases);
		assertThat(fake.messages().deliveries()).as("WeChat kept one message per client_msg_id")
				.extracting(FakeMessages.Delivery::openid).containsExactlyInAnyOrderElementsOf(openidByCase.values());
	}

	@Test
	void twoReplicasHandEachCallbackToTheListenersOnce() {
		Map<String, String> settings = settings();
		settings.put("spring.main.web-application-type", "reactive");
		settings.put("server.port", "0");
		settings.put("onething.wechat.token", FakeWechat.TOKEN);
		List<ConfigurableApplicationContext> both = List.of(start(settings), start(settings));
		Casework casework = both.get(0).getBean(Casework.class);
		BindingScenes scenes = both.get(0).getBean(BindingScenes.class);
		int cases = 10;

		List<StoredCase> stored = Flux.range(0, cases).concatMap(i -> casework.submit(NotifyingService.newbornTerms(10),
						new Applicant("张三", "45142119900101123X", "13812345678"), Map.of(), Map.of(),
						List.of(new Upload("birth-certificate", "出生证明.pdf", PDF)), WINDOW))
				.collectList().block();
		List<String> openids = new ArrayList<>();
		for (int i = 0; i < cases; i++) {
			String openid = "oCALLBACK" + NEXT.incrementAndGet();
			openids.add(openid);
			fake.messages().follower(openid);
			// WeChat's pushes reach one replica or the other, as a load balancer spreads them
			fake.callbacks().target(callbackUrl(both.get(i % 2))).mode(FakeCallbacks.Mode.PLAIN);
			fake.callbacks().push(FakeEvents.scan(openid, scenes.sceneFor(stored.get(i).file().receiptCode()), "TICKET"));
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> fake.messages().deliveries().size() == cases);
		// the confirmations' delivery reports come after the sends' answers
		await().atMost(Duration.ofSeconds(30)).until(() -> callbackNews(both.get(0)) == 2 * cases
				&& outboxRowsNotCompleted(both.get(0)) == 0);
		assertThat(fake.messages().deliveries()).as("one confirmation per binding")
				.extracting(FakeMessages.Delivery::openid).containsExactlyInAnyOrderElementsOf(openids);
		List<Integer> attempts = both.get(0).getBean(DatabaseClient.class)
				.sql("select attempts from outbox_message where kind = 'wechat.callback'")
				.map(row -> row.get("attempts", Integer.class)).all().collectList().block();
		assertThat(attempts).as("a scan and a delivery report per binding, each handled by one replica, once")
				.hasSize(2 * cases).containsOnly(1);
	}

	private static long callbackNews(ConfigurableApplicationContext replica) {
		return replica.getBean(DatabaseClient.class).sql("select count(*) as n from outbox_message where kind = 'wechat.callback'")
				.map(row -> row.get("n", Long.class)).one().block();
	}

	private static URI callbackUrl(ConfigurableApplicationContext replica) {
		return URI.create("http://localhost:" + replica.getEnvironment().getProperty("local.server.port") + "/wechat/callback");
	}

	private Map<String, String> settings() {
		Map<String, String> settings = Replica.onFreshDatabase();
		settings.put("onething.casework.link-secret", "the same secret on every replica");
		settings.put("onething.wechat.app-id", FakeWechat.APP_ID);
		settings.put("onething.wechat.secret", FakeWechat.SECRET);
		settings.put("onething.wechat.api-host", fake.url());
		settings.put("onething.wechat.mp-host", fake.url());
		settings.put("onething.wechat.open-host", fake.url());
		settings.put("onething.outbox.poll-interval", "200ms");
		settings.put("onething.outbox.backoff-base", "200ms");
		settings.put("onething.outbox.backoff-cap", "1s");
		fake.messages().template(TEMPLATE, "character_string1", "thing2", "phrase3", "time4", "thing5");
		return settings;
	}

	private ConfigurableApplicationContext start(Map<String, String> settings) {
		ConfigurableApplicationContext replica = Replica.start(settings);
		replicas.add(replica);
		return replica;
	}

	/** New cases, each scanned by an applicant of its own, half through each replica; case id → openid. */
	private Map<String, String> bindNewCases(ConfigurableApplicationContext first, ConfigurableApplicationContext second, int count) {
		Casework casework = first.getBean(Casework.class);
		BindingScenes scenes = first.getBean(BindingScenes.class);
		return Flux.range(0, count).concatMap(i -> casework.submit(NotifyingService.newbornTerms(10),
						new Applicant("张三", "45142119900101123X", "13812345678"), Map.of(), Map.of(),
						List.of(new Upload("birth-certificate", "出生证明.pdf", PDF)), WINDOW)
				.flatMap(stored -> {
					String openid = "oREPLICA" + NEXT.incrementAndGet();
					fake.messages().follower(openid);
					WechatEvents events = (i % 2 == 0 ? first : second).getBean(WechatEvents.class);
					return events.scanned(new WechatScanned(openid, scenes.sceneFor(stored.file().receiptCode())))
							.thenReturn(Map.entry(stored.file().id(), openid));
				}))
				.collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
	}

	/** Deemed-acceptance pushes WeChat accepted, per openid. */
	private Map<String, Long> deemed() {
		return fake.messages().deliveries().stream().filter(delivery -> "视为受理".equals(delivery.rendered().get("phrase3")))
				.collect(Collectors.groupingBy(FakeMessages.Delivery::openid, Collectors.counting()));
	}

	private static long outboxRowsNotCompleted(ConfigurableApplicationContext replica) {
		return replica.getBean(DatabaseClient.class).sql("select count(*) as n from outbox_message where status <> 'completed'")
				.map(row -> row.get("n", Long.class)).one().block();
	}
}
