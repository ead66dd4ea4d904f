package cn.onething.identity.sso;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import cn.onething.OnethingApplication;
import cn.onething.identity.internal.DemoAccounts;
import cn.onething.system.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single sign-on started on one replica and answered on another, as behind a load balancer: the sign-in under
 * way travels in its signed cookie, not in the memory of the replica that started it. Both replicas share the
 * database and the session secret, and trust X-Forwarded-* as behind the Ingress (docs: k8s/README.md).
 */
class SingleSignOnReplicasTests {

	static final String SECRET = "replicas-share-this-secret-0123456789";

	static LocalOidcProvider provider;
	static ConfigurableApplicationContext first;
	static ConfigurableApplicationContext second;

	@BeforeAll
	static void aProviderAndTwoReplicas() throws Exception {
		provider = LocalOidcProvider.start();
		Map<String, Object> database = new HashMap<>();
		TestDatabase.registerFresh((name, value) -> database.put(name, value.get()));
		first = replica(database);
		second = replica(database);
		first.getBean(DemoAccounts.class).create().block();
	}

	@AfterAll
	static void stop() throws Exception {
		for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] { first, second }) {
			if (replica != null) {
				replica.close();
			}
		}
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	void theProvidersAnswerMayReachAnotherReplicaThanTheOneThatSentTheBrowser() {
		ProviderBrowser browser = new ProviderBrowser();
		URI callback = ProviderBrowser.location(browser.throughProviderSignIn(at(first, SingleSignOn.START), "li.hua"));
		assertThat(callback.getPort()).as("the public address, here the first replica's").isEqualTo(port(first));

		// the load balancer sends it to the second replica, telling it the address the browser used
		URI onSecond = UriComponentsBuilder.fromUri(callback).port(port(second)).build(true).toUri();
		HttpResponse<String> answered = browser.get(onSecond, "X-Forwarded-Port", String.valueOf(port(first)));

		assertThat(ProviderBrowser.location(answered).getPath()).isEqualTo("/staff");
		assertThat(browser.get(at(second, "/staff")).body()).contains("我的待办", "公安审核员");
	}

	private static ConfigurableApplicationContext replica(Map<String, Object> database) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("server.port", 0);
		properties.put("server.forward-headers-strategy", "native");
		properties.put("onething.catalog.import-on-startup", false);
		properties.put("onething.identity.demo-accounts", false);
		properties.put("onething.identity.session-secret", SECRET);
		properties.put("onething.identity.sso.issuer-uri", provider.issuer());
		properties.put("onething.identity.sso.client-id", LocalOidcProvider.CLIENT_ID);
		properties.put("onething.identity.sso.client-secret", LocalOidcProvider.CLIENT_SECRET);
		return new SpringApplicationBuilder(OnethingApplication.class)
				.run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext replica) {
		return ((WebServerApplicationContext) replica).getWebServer().getPort();
	}

	private static URI at(ConfigurableApplicationContext replica, String path) {
		return URI.create("http://127.0.0.1:" + port(replica) + path);
	}
}
