package cn.onething.platform.internal;

import java.util.function.Function;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.platform.ReportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one report for an outbox handler and says what the outbox should do next: done when the platform took it,
 * retry on a transport failure, dead (listed on /staff/platform with the reason, resendable) when it refused it.
 * The outbox message's dedupe key is the report's idempotency key: the same on every attempt and every resend.
 */
@Component
class ReportDelivery {

	private static final Logger log = LoggerFactory.getLogger(ReportDelivery.class);

	private final ReportProperties properties;
	private final ReportSender sender;
	private final Catalog catalog;
	private final JsonMapper json;

	ReportDelivery(ReportProperties properties, ReportSender sender, Catalog catalog, JsonMapper json) {
		this.properties = properties;
		this.sender = sender;
		this.catalog = catalog;
		this.json = json;
	}

	/**
	 * @param subject what staff read in a reason, e.g. {@code FS12345678 收件}: never the applicant's data
	 * @param report  writes the report with the items of the current catalogue; {@link ReportContents.Unreportable}
	 *                when it cannot be written
	 */
	Mono<Outcome> deliver(OutboxMessage message, String subject, Function<CatalogSnapshot, Mono<?>> report) {
		if (!properties.configured()) {
			// no endpoint: the report is not sent, and the row completes so that nothing piles up (docs/platform.md §5.4)
			log.debug("{} not reported: onething.platform.reports.endpoint is not set", subject);
			return Mono.just(Outcome.DONE);
		}
		if (!catalog.isLoaded()) {
			// just started: an item missing now would only be missing for a moment
			return Mono.just(Outcome.retryLater(subject + "：目录尚未载入"));
		}
		return Mono.defer(() -> report.apply(catalog.current()))
				.flatMap(written -> sender.send(message.dedupeKey(), json.writeValueAsString(written)))
				.map(answer -> outcome(subject, answer))
				.onErrorResume(ReportContents.Unreportable.class, e -> Mono.just(Outcome.giveUp(subject + "：无法生成报送数据：" + e.getMessage())));
	}

	private static Outcome outcome(String subject, ReportSender.Answer answer) {
		if (answer instanceof ReportSender.Refused refused) {
			log.warn("the regional platform refused the report of {} (HTTP {}): {}", subject, refused.status(), refused.reason());
			return Outcome.giveUp(subject + "：平台拒收（HTTP " + refused.status() + "）：" + refused.reason());
		}
		if (answer instanceof ReportSender.Unavailable unavailable) {
			return Outcome.retryLater(subject + "：平台暂时无法接收：" + unavailable.reason());
		}
		return Outcome.DONE;
	}
}
