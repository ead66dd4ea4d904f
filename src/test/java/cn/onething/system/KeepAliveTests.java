package cn.onething.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.onething.bundle.Bundles;
import cn.onething.catalog.Catalog;
import cn.onething.village.Villages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every applicant reaches the service through an Ingress that reuses upstream connections. With Reactor Netty 1.3.6
 * a keep-alive connection stopped being read after a few requests of alternating kinds (the next request's bytes
 * stayed in the socket; reactor-netty #4361): these tests send every kind of route over reused connections and fail
 * on any request not answered within a few seconds. Answers are read byte by byte, so it is certain that each
 * request travelled on the same socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "onething.catalog.import-on-startup=false")
class KeepAliveTests {

	static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

	record Route(String kind, String method, String target, Map<String, String> headers, String body, int status) {
		KeepAliveConnection.Response sendOn(KeepAliveConnection connection) throws IOException {
			return connection.exchange(method, target, headers, body.getBytes(StandardCharsets.UTF_8));
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.registerFresh(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	Bundles bundles;

	@Autowired
	Villages villages;

	List<Route> routes;

	@BeforeEach
	void everyKindOfRoute() throws IOException {
		catalog.importGuides("test").block();
		// the bundles follow a catalogue import on their own, and a kept page's ETag names their version too: imported
		// here, they are current before the ETag is read
		bundles.importBundles("test").block();
		villages.reload().block();
		String guide = catalog.current().guides().get(0).code();
		String etag;
		try (KeepAliveConnection connection = new KeepAliveConnection(port, ANSWER_WITHIN)) {
			etag = connection.exchange("GET", "/g/" + guide, Map.of(), new byte[0]).header("ETag");
		}
		assertThat(etag).as("the guide page's ETag").isNotBlank();
		String search = URLEncoder.encode("出生", StandardCharsets.UTF_8);
		routes = List.of(
				new Route("actuator", "GET", "/actuator/health/liveness", Map.of(), "", 200),
				new Route("API", "GET", "/api/domains", Map.of("Accept", "application/json"), "", 200),
				new Route("API with a path variable", "GET", "/api/items/" + guide, Map.of(), "", 200),
				new Route("kept page", "GET", "/g/" + guide, Map.of(), "", 200),
				new Route("kept page, gzip", "GET", "/g/" + guide, Map.of("Accept-Encoding", "gzip"), "", 200),
				new Route("kept page, not modified", "GET", "/g/" + guide, Map.of("If-None-Match", etag), "", 304),
				new Route("kept search", "GET", "/search?q=" + search, Map.of(), "", 200),
				new Route("rendered page", "GET", "/bundles/newborn", Map.of(), "", 200),
				new Route("applicant look-up page", "GET", "/cases", Map.of(), "", 200),
				new Route("staff sign-in page", "GET", "/staff/login", Map.of(), "", 200),
				new Route("staff console, signed out", "GET", "/staff", Map.of(), "", 302),
				new Route("POST with a body", "POST", "/api/staff/tokens", Map.of("Content-Type", "application/json"),
						"{\"username\":\"nobody-here\",\"password\":\"not-a-password\"}", 401),
				new Route("village page", "GET", "/places/xinning/chengdong", Map.of(), "", 200),
				new Route("village page not found", "GET", "/places/xinning/nowhere", Map.of(), "", 404),
				new Route("notice board PDF (own scheduler)", "GET", "/places/xinning/chengdong/board.pdf", Map.of(), "", 200),
				new Route("hall screen", "GET", "/screen", Map.of(), "", 200),
				new Route("village console, signed out", "GET", "/staff/village", Map.of(), "", 302),
				new Route("questions page", "GET", "/questions?about=v:xinning:chengdong", Map.of(), "", 200),
				new Route("question refused", "POST", "/questions", Map.of("Content-Type", "application/x-www-form-urlencoded"),
						"about=v%3Axinning%3Achengdong&question=%E4%BD%8E%E4%BF%9D&phone=12345", 422),
				new Route("rating page without its key", "GET", "/cases/FS7K2M9Q/rating", Map.of(), "", 303),
				new Route("rating API, invalid fields", "POST", "/api/applications/FS7K2M9Q/rating",
						Map.of("Content-Type", "application/json"), "{\"level\":\"wonderful\"}", 422),
				new Route("not found", "GET", "/g/999999999999", Map.of(), "", 404),
				new Route("API not found", "GET", "/api/items/999999999999", Map.of(), "", 404));
	}

	@Test
	void everyKindOfRouteIsAnsweredOnOneReusedConnection() throws IOException {
		try (KeepAliveConnection connection = new KeepAliveConnection(port, ANSWER_WITHIN)) {
			for (int round = 0; round < 20; round++) {
				for (Route route : routes) {
					assertThat(route.sendOn(connection).status()).as("round %d, %s %s", round, route.kind(), route.target())
							.isEqualTo(route.status());
				}
			}
		}
	}

	@Test
	void alternatingPairsOnManyConnectionsAreAllAnswered() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(6);
		try {
			List<Future<List<String>>> connections = new ArrayList<>();
			for (int c = 0; c < 6; c++) {
				Route first = routes.get(c % routes.size());
				Route second = routes.get((c * 5 + 3) % routes.size());
				connections.add(clients.submit(() -> alternate(first, second, 150)));
			}
			List<String> failures = new ArrayList<>();
			for (Future<List<String>> connection : connections) {
				failures.addAll(connection.get());
			}
			assertThat(failures).isEmpty();
		}
		finally {
			clients.shutdownNow();
		}
	}

	/** What went wrong on one connection alternating two routes: nothing, a wrong status, or the one unanswered request. */
	private List<String> alternate(Route first, Route second, int requests) {
		try (KeepAliveConnection connection = new KeepAliveConnection(port, ANSWER_WITHIN)) {
			for (int i = 0; i < requests; i++) {
				Route route = i % 2 == 0 ? first : second;
				int status;
				try {
					status = route.sendOn(connection).status();
				}
				catch (IOException unanswered) {
					return List.of("request " + i + " (" + route.kind() + " after " + (i % 2 == 0 ? second : first).kind()
							+ "): " + unanswered);
				}
				if (status != route.status()) {
					return List.of("request " + i + " (" + route.kind() + "): status " + status);
				}
			}
			return Collections.emptyList();
		}
		catch (IOException e) {
			return List.of("connection: " + e);
		}
	}
}
