package cn.onething.rating.internal;

import java.time.LocalDate;

import cn.onething.calendar.Region;
import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.casework.model.CaseContext;
import cn.onething.outbox.OutboxHandler;
import cn.onething.outbox.OutboxMessage;
import cn.onething.outbox.Outcome;
import cn.onething.rating.RatingGiven;
import cn.onething.rating.RatingProperties;
import cn.onething.rating.model.FollowUp;
import cn.onething.rating.model.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first reader of {@link RatingGiven}: a bad rating (不满意, 非常不满意) opens a follow-up (差评整改) for the
 * supervisors, due {@code onething.rating.follow-up-working-days} working days after the day of the rating by the
 * case's calendar. One follow-up per rating, however often the event arrives.
 */
@Component
class FollowUpOpener implements OutboxHandler {

	private static final Logger log = LoggerFactory.getLogger(FollowUpOpener.class);

	private final FollowUpStore followUps;
	private final WorkingDayCalendar calendar;
	private final RatingProperties properties;
	private final JsonMapper json;

	FollowUpOpener(FollowUpStore followUps, WorkingDayCalendar calendar, RatingProperties properties, JsonMapper json) {
		this.followUps = followUps;
		this.calendar = calendar;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public String kind() {
		return RatingGiven.OUTBOX_KIND;
	}

	@Override
	public Mono<Outcome> handle(OutboxMessage message) {
		return Payloads.handle(json, message, RatingGiven.class, given -> {
			Level level = Level.ofScore(given.level());
			if (!level.bad()) {
				return Mono.just(Outcome.DONE);
			}
			LocalDate ratedOn = LocalDate.ofInstant(given.ratedAt(), CaseContext.CHINA);
			LocalDate dueOn = calendar.addWorkingDays(ratedOn, properties.followUpWorkingDays(), Region.of(given.regionCode()));
			FollowUp followUp = FollowUp.open(given.ratingId(), given.caseId(), given.receiptCode(), level, given.ratedAt(), dueOn);
			return followUps.insert(followUp)
					.doOnNext(opened -> {
						if (opened) {
							log.info("case {}: follow-up of a bad rating opened, due {}", given.receiptCode(), dueOn);
						}
					})
					.thenReturn(Outcome.DONE);
		});
	}
}
