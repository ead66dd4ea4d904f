package cn.onething.wechat;

import java.net.URI;
import java.time.Duration;

import cn.onething.system.TestDatabase;
import cn.onething.wechat.fake.FakeCallbacks;
import cn.onething.wechat.fake.FakeWechat;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The running service configured with the fake WeChat's account, on a database of its own. Test classes that extend
 * this share one Spring context and one fake, so each test uses openids and scenes of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onething.catalog.import-on-startup=false")
@Import(RecordingListener.class)
public abstract class AgainstFakeWechat {

	/** Where the tests pretend the service is published; OAuth redirects name it. */
	public static final String PUBLIC_BASE_URL = "https://zwfw.example.cn";

	protected static final FakeWechat FAKE = FakeWechat.start();

	@DynamicPropertySource
	static void fakeAccount(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
		registry.add("onething.wechat.app-id", () -> FakeWechat.APP_ID);
		registry.add("onething.wechat.secret", () -> FakeWechat.SECRET);
		registry.add("onething.wechat.token", () -> FakeWechat.TOKEN);
		registry.add("onething.wechat.aes-key", () -> FakeWechat.AES_KEY);
		registry.add("onething.wechat.api-host", FAKE::url);
		registry.add("onething.wechat.mp-host", FAKE::url);
		registry.add("onething.wechat.open-host", FAKE::url);
		registry.add("onething.wechat.public-base-url", () -> PUBLIC_BASE_URL);
		registry.add("onething.wechat.read-timeout", () -> "2s");
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected RecordingListener listener;

	@Autowired
	protected WechatChannel channel;

	protected WebTestClient web;

	@BeforeEach
	void connectTheFakeToThisService() {
		web = WebTestClient.bindToServer().responseTimeout(java.time.Duration.ofSeconds(30)).baseUrl("http://localhost:" + port).build();
		FAKE.callbacks().target(URI.create("http://localhost:" + port + "/wechat/callback"))
				.mode(FakeCallbacks.Mode.PLAIN).patience(Duration.ofSeconds(5), 3);
	}
}
