package cn.onething.platform.internal;

import cn.onething.platform.ReportProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports over HTTP with WebClient (no thread waits on the platform): {@code POST <endpoint>} with the report as JSON
 * and the header {@code Idempotency-Key}. The platform answers as its item interface does, {@code STATUS.CODE} "00"
 * for taken; a 4xx (other than 408 and 429) or another code is a refusal with {@code STATUS.TEXT} as the reason.
 */
@Component
class HttpReportSender implements ReportSender {

	/** A reason longer than this is cut: staff read it in a table, and a platform may answer with a whole page. */
	private static final int REASON_LENGTH = 300;

	private final ReportProperties properties;
	private final JsonMapper json;
	private final WebClient http = WebClient.builder().build();

	HttpReportSender(ReportProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	public Mono<Answer> send(String idempotencyKey, String reportJson) {
		return http.post().uri(properties.endpoint())
				.contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", idempotencyKey)
				.bodyValue(reportJson)
				.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
						.map(body -> answer(response.statusCode(), body)))
				.timeout(properties.timeout())
				.onErrorResume(e -> Mono.just(new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName()
						: e.getClass().getSimpleName() + ": " + e.getMessage())));
	}

	private Answer answer(HttpStatusCode status, String body) {
		JsonNode statusBlock = statusBlock(body);
		String text = statusBlock.path("TEXT").asString("");
		if (status.is2xxSuccessful()) {
			String code = statusBlock.path("CODE").asString("00");
			return code.equals("00") ? new Taken()
					: new Refused(status.value(), cut("STATUS " + code + (text.isEmpty() ? "" : " " + text)));
		}
		boolean temporary = status.is5xxServerError() || status.value() == 408 || status.value() == 429;
		String reason = cut(!text.isEmpty() ? text : body.isBlank() ? "HTTP " + status.value() : body.strip());
		return temporary ? new Unavailable("HTTP " + status.value() + ": " + reason) : new Refused(status.value(), reason);
	}

	private JsonNode statusBlock(String body) {
		try {
			return body.isBlank() ? json.missingNode() : json.readTree(body).path("STATUS");
		}
		catch (JacksonException notJson) {
			return json.missingNode();
		}
	}

	private static String cut(String reason) {
		return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH) + "…";
	}
}
