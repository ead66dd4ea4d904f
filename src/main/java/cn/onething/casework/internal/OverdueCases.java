package cn.onething.casework.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import cn.onething.casework.model.CaseContext;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * onething.casework.overdue: open cases under review past their committed due date, the number the
 * OnethingCasesOverdue alert watches. Counted from the database, so every replica shows the same value; refreshed on
 * a schedule because a gauge is read on the scrape thread, which must not wait for a query.
 */
@Component
class OverdueCases {

	private static final Logger log = LoggerFactory.getLogger(OverdueCases.class);

	private final CaseStore store;
	private final Clock clock;
	private final AtomicLong overdue = new AtomicLong();

	OverdueCases(CaseStore store, MeterRegistry registry, Optional<Clock> clock) {
		this.store = store;
		this.clock = clock.orElse(Clock.systemUTC());
		Gauge.builder("onething.casework.overdue", overdue, AtomicLong::get)
				.description("open cases under review past their committed working-day deadline").register(registry);
	}

	@Scheduled(fixedDelayString = "${onething.casework.overdue-count-interval:1m}", initialDelayString = "${onething.casework.overdue-count-delay:10s}")
	void refreshOnSchedule() {
		refresh().subscribe(count -> { }, error -> log.warn("counting overdue cases failed: {}", error.toString()));
	}

	Mono<Long> refresh() {
		return store.countOverdue(LocalDate.now(clock.withZone(CaseContext.CHINA))).doOnNext(overdue::set);
	}
}
