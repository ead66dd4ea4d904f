package cn.onething.village;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import cn.onething.catalog.Catalog;
import cn.onething.deploy.Replica;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.wechat.WechatScanned;
import cn.onething.wechat.fake.FakeMessages;
import cn.onething.wechat.fake.FakeWechat;
import cn.onething.wechat.fake.Fault;
import cn.onething.wechat.internal.WechatEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A village's pushes from replicas sharing one database and one WeChat (the fake): each follower gets one push per
 * entry, through the notification module's push rows, even when the replica sending them stops mid-send and another
 * one starts, and an entry is published on each side of the restart.
 */
class VillagePushReplicasTests {

	static final String TEMPLATE = "onething-village-disclosure";
	static final StaffMember PUBLISHER = new StaffMember("village", "城东社区村务公开员", null, Set.of(StaffRole.DISCLOSURE),
			"xinning/chengdong");
	static final AtomicInteger NEXT = new AtomicInteger();

	private final FakeWechat fake = FakeWechat.start();
	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	@AfterEach
	void stop() {
		replicas.forEach(ConfigurableApplicationContext::close);
		fake.close();
	}

	@Test
	void eachFollowerGetsOnePushPerEntryAcrossTwoReplicasAndARestartMidSend() {
		Map<String, String> settings = settings();
		ConfigurableApplicationContext stopping = start(settings);
		ConfigurableApplicationContext other = start(settings);
		int followers = 6;
		List<String> openids = new ArrayList<>();
		for (int i = 0; i < followers; i++) {
			String openid = "oFOLLOW" + NEXT.incrementAndGet();
			openids.add(openid);
			fake.messages().follower(openid);
			// the follow links reach one replica or the other, and a follow repeated changes nothing
			(i % 2 == 0 ? stopping : other).getBean(WechatEvents.class)
					.scanned(new WechatScanned(openid, "v:xinning:chengdong")).block();
			other.getBean(WechatEvents.class).scanned(new WechatScanned(openid, "v:xinning:chengdong")).block();
		}
		// every send of the first entry hangs past the read timeout: the replica stops while they are under way
		fake.failNext(FakeWechat.TEMPLATE_SEND_PATH, Fault.slow(Duration.ofSeconds(3)), followers);
		publish(stopping, "2026年12月低保对象公示");
		await().atMost(Duration.ofSeconds(60)).until(() -> fake.received(FakeWechat.TEMPLATE_SEND_PATH).size() >= followers / 2);
		stopping.close();
		replicas.remove(stopping);

		ConfigurableApplicationContext restarted = start(settings);
		publish(restarted, "2026年第四季度村级财务收支");

		await().atMost(Duration.ofSeconds(90)).until(() -> outboxRowsNotCompleted(restarted) == 0);
		assertThat(fake.received(FakeWechat.TEMPLATE_SEND_PATH).size()).as("the first entry's sends timed out and were made again")
				.isGreaterThan(2 * followers);
		assertThat(pushesPerFollowerAndTitle()).as("one push per follower and entry")
				.hasSize(2 * followers).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
		assertThat(restarted.getBean(DatabaseClient.class)
				.sql("select kind, status, receipt_code from notification_push")
				.map(row -> row.get("kind", String.class) + " " + row.get("status", String.class) + " " + row.get("receipt_code", String.class))
				.all().collectList().block())
				.as("village pushes are the notification module's push rows").hasSize(2 * followers)
				.containsOnly("following sent v:xinning:chengdong");
	}

	private void publish(ConfigurableApplicationContext replica, String title) {
		Villages villages = replica.getBean(Villages.class);
		villages.publish(new EntryDraft("xinning", "chengdong", "village-finance", title, "详见公开内容。",
				villages.today().toString(), villages.today().plusDays(30).toString(), null, Map.of(), null, null), PUBLISHER).block();
	}

	/** "openid title" → how many pushes WeChat accepted. */
	private Map<String, Long> pushesPerFollowerAndTitle() {
		return fake.messages().deliveries().stream()
				.collect(Collectors.groupingBy(delivery -> delivery.openid() + " " + delivery.rendered().get("thing2"),
						Collectors.counting()));
	}

	private Map<String, String> settings() {
		Map<String, String> settings = Replica.onFreshDatabase();
		settings.put("onething.wechat.app-id", FakeWechat.APP_ID);
		settings.put("onething.wechat.secret", FakeWechat.SECRET);
		settings.put("onething.wechat.api-host", fake.url());
		settings.put("onething.wechat.mp-host", fake.url());
		settings.put("onething.wechat.open-host", fake.url());
		settings.put("onething.outbox.poll-interval", "200ms");
		settings.put("onething.outbox.backoff-base", "200ms");
		settings.put("onething.outbox.backoff-cap", "1s");
		settings.put("onething.outbox.lease", "3s");
		settings.put("onething.outbox.handler-timeout", "2s");
		settings.put("onething.outbox.shutdown-wait", "100ms");
		settings.put("onething.wechat.read-timeout", "1s");
		fake.messages().template(TEMPLATE, "thing1", "thing2", "time3", "thing4");
		return settings;
	}

	private ConfigurableApplicationContext start(Map<String, String> settings) {
		ConfigurableApplicationContext replica = Replica.start(settings);
		replicas.add(replica);
		replica.getBean(Catalog.class).importGuides("test").block();
		assertThat(replica.getBean(Villages.class).reload().block().isValid()).isTrue();
		return replica;
	}

	private static long outboxRowsNotCompleted(ConfigurableApplicationContext replica) {
		return replica.getBean(DatabaseClient.class).sql("select count(*) as n from outbox_message where status <> 'completed'")
				.map(row -> row.get("n", Long.class)).one().block();
	}
}
