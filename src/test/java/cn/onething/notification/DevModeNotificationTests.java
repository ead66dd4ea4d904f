package cn.onething.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.casework.Applicant;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static cn.onething.identity.StaffSession.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A newcomer's run without an official account (README): from the progress page they bind the dev openid through
 * the dev OAuth page, then a reviewer decides in the staff console, and the pushes show in the dev inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
		"onething.outbox.poll-interval=200ms", "onething.casework.deadline-check-delay=1h" })
class DevModeNotificationTests {

	static final String DEV_OPENID = "o-dev-applicant";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Casework casework;

	@Autowired
	CaseLinks links;

	@Autowired
	DemoAccounts demoAccounts;

	@Test
	void bindingFromTheProgressPageAndDecidingInTheConsoleFillTheDevInbox() {
		WebTestClient web = WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		demoAccounts.create().block();
		StoredCase stored = casework.submit(NotifyingService.newbornTerms(10), new Applicant("张三丰", "45142119900101123X", "13812345678"),
				Map.of(), Map.of(), List.of(new Upload("birth-certificate", "出生证明.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))),
				new Actor(Actor.Kind.WINDOW, "window", "一窗受理")).block();
		String receipt = stored.file().receiptCode();

		URI start = redirect(web, "/cases/" + receipt + "/wechat?k=" + links.keyFor(receipt));
		URI consent = redirect(web, start.toString());
		assertThat(consent.getPath()).isEqualTo("/dev/wechat/oauth/authorize");
		String state = UriComponentsBuilder.fromUri(consent).build().getQueryParams().getFirst("state");
		String bound = web.get().uri("/wechat/oauth/callback?code={openid}&state={state}", DEV_OPENID, state).accept(MediaType.TEXT_HTML)
				.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(bound).contains("已绑定微信");
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(web).contains("已绑定本办件，办理进度将在此通知您"));

		StaffSession police = StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD);
		String casePage = "/staff/cases/" + stored.file().id();
		police.submit(casePage, casePage + "/steps/hukou/approve", form("note", ""));
		StaffSession medical = StaffSession.signedIn(web, "medical", DemoAccounts.PASSWORD);
		medical.submit(casePage, casePage + "/steps/insurance/approve", form("note", ""));

		await().atMost(Duration.ofSeconds(30)).until(() -> inbox(web).contains("材料齐全，予以受理"));
		assertThat(inbox(web)).contains(receipt, "新生儿出生一件事", "已受理", links.progressPath(receipt).replace("&", "&amp;") + "&amp;w=");
	}

	private static URI redirect(WebTestClient web, String path) {
		return web.get().uri(path).exchange().expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation();
	}

	private static String inbox(WebTestClient web) {
		return web.get().uri("/dev/wechat/inbox?openid=" + DEV_OPENID).accept(MediaType.TEXT_HTML).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
	}
}
