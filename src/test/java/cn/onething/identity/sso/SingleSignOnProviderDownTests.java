package cn.onething.identity.sso;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;

import cn.onething.identity.StaffSession;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The hall's provider down (nothing listens at its issuer): the service starts, says so, and passwords still work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onething.catalog.import-on-startup=false", "onething.identity.demo-accounts=false",
				"onething.identity.sso.client-id=onething", "onething.identity.sso.client-secret=whatever" })
class SingleSignOnProviderDownTests {

	@DynamicPropertySource
	static void databaseAndAProviderThatIsDown(DynamicPropertyRegistry registry) throws IOException {
		TestDatabase.registerFresh(registry);
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		registry.add("onething.identity.sso.issuer-uri", () -> "http://127.0.0.1:" + closed);
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoAccounts demoAccounts;

	@Test
	void theButtonLeadsBackToTheSignInPageWithAMessageAndPasswordsStillWork() {
		demoAccounts.create().block();
		ProviderBrowser browser = new ProviderBrowser();

		HttpResponse<String> start = browser.get(URI.create("http://127.0.0.1:" + port + SingleSignOn.START));

		URI back = ProviderBrowser.location(start);
		assertThat(back.getPath()).isEqualTo("/staff/login");
		assertThat(browser.get(back).body()).contains("暂时无法连接统一身份认证服务", "使用用户名和密码登录");
		WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		assertThat(StaffSession.signedIn(web, "police", DemoAccounts.PASSWORD).page("/staff")).contains("公安审核员");
	}
}
