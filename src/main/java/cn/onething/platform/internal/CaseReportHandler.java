package cn.onething.platform.internal;

import cn.onething.casework.CaseNews;
import cn.onething.casework.Casework;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Reports a case's milestones ({@link CaseNews#PLATFORM_REPORT_KIND}) to the platform's case library. */
@Component
class CaseReportHandler implements OutboxHandler {

	private final Casework casework;
	private final ReportDelivery delivery;
	private final JsonMapper json;

	CaseReportHandler(Casework casework, ReportDelivery delivery, JsonMapper json) {
		this.casework = casework;
		this.delivery = delivery;
		this.json = json;
	}

	@Override
	public String kind() {
		return CaseNews.PLATFORM_REPORT_KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		CaseNews news = json.treeToValue(message.payload(), CaseNews.class);
		return news.read(json)
				.map(event -> delivery.deliver(message, ReportContents.subject(news, event), catalog -> casework.byId(news.caseId())
						.switchIfEmpty(Mono.error(() -> new ReportContents.Unreportable("办件不存在")))
						.map(stored -> ReportContents.of(message.dedupeKey(), news, event, stored, catalog))))
				.orElseGet(() -> Mono.just(Outcome.giveUp(news.receiptCode() + "：本版本无法读取事件 " + news.kind())));
	}
}
