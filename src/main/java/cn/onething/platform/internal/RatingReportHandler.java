package cn.onething.platform.internal;

import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.rating.RatingGiven;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reports a case's 好差评 rating ({@link RatingGiven#PLATFORM_REPORT_KIND}) to the platform. */
@Component
class RatingReportHandler implements OutboxHandler {

	private final ReportDelivery delivery;
	private final JsonMapper json;

	RatingReportHandler(ReportDelivery delivery, JsonMapper json) {
		this.delivery = delivery;
		this.json = json;
	}

	@Override
	public String kind() {
		return RatingGiven.PLATFORM_REPORT_KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		RatingGiven given = json.treeToValue(message.payload(), RatingGiven.class);
		return delivery.deliver(message, ReportContents.subject(given),
				catalog -> Mono.fromCallable(() -> ReportContents.of(message.dedupeKey(), given, catalog)));
	}
}
