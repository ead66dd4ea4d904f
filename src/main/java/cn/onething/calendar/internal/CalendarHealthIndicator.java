package cn.onething.calendar.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.onething.calendar.CalendarWarning;
import cn.onething.calendar.CalendarWarning.Kind;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "calendar" health component. Always up: a year without its notice still has weekends and statutory holidays,
 * and taking replicas out of service would help no one. The details name the years not published here yet and
 * the files not checked against their notice, so whoever reads health sees what staff see on the console.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

	private final CalendarNotices notices;

	CalendarHealthIndicator(CalendarNotices notices) {
		this.notices = notices;
	}

	@Override
	public Health health() {
		List<CalendarWarning> warnings = notices.current();
		return Health.up()
				.withDetail("coveredYears", notices.calendar().coveredYears())
				.withDetail("unpublishedYears", yearsByRegion(warnings, Kind.UNPUBLISHED))
				.withDetail("unconfirmedYears", yearsByRegion(warnings, Kind.UNCONFIRMED))
				.withDetail("warnings", warnings.stream().map(CalendarWarning::message).toList())
				.build();
	}

	/** {"national": [2027], "45": [2027]}: region as in the files, then its years. */
	private static Map<String, List<Integer>> yearsByRegion(List<CalendarWarning> warnings, Kind kind) {
		return warnings.stream().filter(warning -> warning.kind() == kind)
				.collect(Collectors.groupingBy(warning -> warning.region().toString(), TreeMap::new,
						Collectors.mapping(CalendarWarning::year, Collectors.toList())));
	}
}
