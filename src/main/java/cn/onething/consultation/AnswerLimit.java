package cn.onething.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import cn.onething.calendar.Region;
import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.catalog.Catalog;
import org.springframework.stereotype.Component;

/**
 * When a question must be answered: {@link ConsultationProperties#answerWorkingDays()} working days after the day it
 * was asked in China, by the working-day calendar of the hall's region (its 调休, holidays and Guangxi's 三月三), as
 * casework counts its limits. The question is overdue from the day after that one.
 */
@Component
public class AnswerLimit {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final WorkingDayCalendar calendar;
	private final Catalog catalog;
	private final ConsultationProperties properties;
	private final Clock clock;

	AnswerLimit(WorkingDayCalendar calendar, Catalog catalog, ConsultationProperties properties, Optional<Clock> clock) {
		this.calendar = calendar;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Instant now() {
		return clock.instant();
	}

	public int workingDays() {
		return properties.answerWorkingDays();
	}

	/** The last day to answer a question asked at that moment. */
	public LocalDate dueOn(Instant askedAt) {
		return calendar.addWorkingDays(askedAt.atZone(CHINA).toLocalDate(), properties.answerWorkingDays(), region());
	}

	/** The moment a question asked then becomes overdue: the end of its last day, in China. */
	public Instant overdueFrom(Instant askedAt) {
		return dueOn(askedAt).plusDays(1).atStartOfDay(CHINA).toInstant();
	}

	/** The hall's region as the catalogue names it (guides/catalog.yaml's regionCode); national without one. */
	private Region region() {
		String code = catalog.isLoaded() && catalog.current().hall() != null ? catalog.current().hall().regionCode() : null;
		return code == null || code.isBlank() ? Region.NATIONAL : Region.of(code);
	}
}
