package cn.onething.village;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.catalog.Catalog;
import cn.onething.identity.StaffMember;
import cn.onething.identity.StaffRole;
import cn.onething.wechat.AgainstFakeWechat;
import cn.onething.wechat.fake.FakeMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resident follows a village through WeChat's OAuth link on its page, gets one push from the fake WeChat when the
 * village publishes, and opts out in one tap from the pushed page; the next entry reaches them no more.
 */
@TestPropertySource(properties = { "onething.outbox.poll-interval=200ms", "onething.outbox.backoff-base=200ms",
		"onething.outbox.backoff-cap=1s", "onething.identity.demo-accounts=false",
		"onething.catalog.public-base-url=" + AgainstFakeWechat.PUBLIC_BASE_URL })
class VillageFollowerPushTests extends AgainstFakeWechat {

	static final String TEMPLATE = "onething-village-disclosure";
	static final StaffMember VILLAGE_STAFF = new StaffMember("village", "城东社区村务公开员", null, Set.of(StaffRole.DISCLOSURE),
			"xinning/chengdong");

	@Autowired
	Catalog catalog;

	@Autowired
	Villages villages;

	@Autowired
	DatabaseClient db;

	@BeforeEach
	void theAccountsTemplateAndThePlaces() {
		FAKE.messages().template(TEMPLATE, "thing1", "thing2", "time3", "thing4");
		catalog.importGuides("test").block();
		villages.reload().block();
	}

	@Test
	void aFollowerReceivesOnePushForANewEntryAndOptsOutInOneTap() throws Exception {
		String openid = "oVILLAGE" + System.nanoTime() % 1_000_000;
		FAKE.messages().follower(openid);
		FAKE.oauth().browserUser(openid);
		String page = html("/places/xinning/chengdong");
		assertThat(page).contains("/wechat/oauth/start?scene=v:xinning:chengdong");

		assertThat(oauth(URI.create("/wechat/oauth/start?scene=v:xinning:chengdong"))).contains("已绑定微信");
		publish("2026年12月低保对象公示");

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesTo(openid).size() == 1);
		FakeMessages.Delivery push = deliveriesTo(openid).get(0);
		assertThat(push.templateId()).isEqualTo(TEMPLATE);
		assertThat(push.rendered()).containsEntry("thing1", "城东社区居委会").containsEntry("thing2", "2026年12月低保对象公示")
				.hasEntrySatisfying("thing4", remark -> assertThat(remark).startsWith("公示至").endsWith("可提出异议"));
		String url = FAKE.received(cn.onething.wechat.fake.FakeWechat.TEMPLATE_SEND_PATH).stream()
				.filter(sent -> sent.body().contains(openid)).map(sent -> sent.body()).findFirst().orElseThrow();
		String token = url.replaceAll("(?s).*\\?f=([0-9a-f-]{36}).*", "$1");

		String pushed = html("/places/xinning/chengdong?f=" + token);
		assertThat(pushed).contains("不再接收推送", "/places/xinning/chengdong/unfollow?f=" + token);
		assertThat(html("/places/xinning/chengdong/unfollow?f=" + token)).contains("已不再接收推送");
		assertThat(html("/places/xinning/chengdong/unfollow?f=" + token)).contains("没有需要取消的关注");

		publish("2026年第四季度村级财务收支");
		await().atMost(Duration.ofSeconds(30)).until(() -> openVillageMessages() == 0);
		assertThat(deliveriesTo(openid)).as("no push after opting out").hasSize(1);
		assertThat(db.sql("select kind, status from notification_push where openid = :openid")
				.bind("openid", openid).map(row -> row.get("kind", String.class) + " " + row.get("status", String.class))
				.all().collectList().block())
				.as("one push row of the notification module, none written after the opt-out").hasSize(1)
				.first().asString().isIn("following sent", "following delivered");
	}

	private void publish(String title) {
		boolean publicity = title.contains("低保");
		villages.publish(new EntryDraft("xinning", "chengdong", publicity ? "minimum-living-allowance" : "village-finance", title,
				"详见公示内容。", villages.today().toString(), villages.today().plusDays(publicity ? 6 : 30).toString(),
				publicity ? "向城东社区居务监督委员会提出" : null,
				publicity ? Map.of("standard", "农村低保标准每人每年5760元", "basis", "《社会救助暂行办法》；《最低生活保障审核确认办法》") : Map.of(),
				publicity ? "黄*明 3人" : null, null), VILLAGE_STAFF).block();
	}

	private long openVillageMessages() {
		return db.sql("select count(*) from outbox_message where kind in ('village.published', 'notification.push') and status <> 'completed'")
				.map(row -> row.get(0, Long.class)).one().block();
	}

	private List<FakeMessages.Delivery> deliveriesTo(String openid) {
		return FAKE.messages().deliveries().stream().filter(delivery -> delivery.openid().equals(openid)).toList();
	}

	private String html(String path) {
		return web.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk().expectBody(String.class)
				.returnResult().getResponseBody();
	}

	/** Start → WeChat's authorize page (the fake) → back to our callback, whose page is returned. */
	private String oauth(URI start) throws Exception {
		URI authorize = web.get().uri(start.toString()).exchange().expectStatus().is3xxRedirection().returnResult(Void.class)
				.getResponseHeaders().getLocation();
		HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(authorize).build(),
				HttpResponse.BodyHandlers.discarding());
		URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
		assertThat(UriComponentsBuilder.fromUri(back).build().getPath()).isEqualTo("/wechat/oauth/callback");
		return web.get().uri(back.getRawPath() + "?" + back.getRawQuery()).accept(MediaType.TEXT_HTML).exchange()
				.expectBody(String.class).returnResult().getResponseBody();
	}
}
