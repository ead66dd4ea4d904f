package cn.onething.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service's OpenAPI document ({@code /api/openapi}) as tests read it. springdoc builds it on the first request
 * of each application context, off the event loops (docs/decisions.md): a few CPU-seconds, which became 25 to 34 s
 * in loaded full runs, past the 30 s the tests give an ordinary route. The longer wait is for that build alone.
 */
public final class ApiDocument {

	private static final Duration FIRST_BUILD = Duration.ofMinutes(3);

	private ApiDocument() {
	}

	public static WebTestClient.BodyContentSpec of(WebTestClient web) {
		return web.mutate().responseTimeout(FIRST_BUILD).build().get().uri("/api/openapi").exchange().expectStatus().isOk()
				.expectBody();
	}

	public static String text(WebTestClient web) {
		return new String(of(web).returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
	}
}
