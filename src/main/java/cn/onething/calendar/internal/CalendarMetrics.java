package cn.onething.calendar.internal;

import cn.onething.calendar.CalendarWarning.Kind;
import cn.onething.calendar.Region;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * onething.calendar.unpublished.years and onething.calendar.unconfirmed.years, one series per region (tag
 * {@code region}: {@code national}, {@code 45}...): how many years within the horizon lack their notice's file, or
 * have one not yet checked against the notice. Each replica reads the same files, so any replica's value will do;
 * counted when scraped, from memory.
 */
@Component
class CalendarMetrics {

	CalendarMetrics(CalendarNotices notices, MeterRegistry registry) {
		for (Region region : notices.calendar().regions()) {
			register(registry, notices, region, Kind.UNPUBLISHED, "onething.calendar.unpublished.years",
					"years within the horizon whose holiday notice has no file yet: only weekends and statutory holidays are skipped");
			register(registry, notices, region, Kind.UNCONFIRMED, "onething.calendar.unconfirmed.years",
					"years within the horizon whose holiday file is not yet checked against its notice");
		}
	}

	private static void register(MeterRegistry registry, CalendarNotices notices, Region region, Kind kind, String name,
			String description) {
		Gauge.builder(name, notices, n -> n.current().stream()
						.filter(warning -> warning.kind() == kind && warning.region().equals(region)).count())
				.tag("region", region.toString())
				.description(description)
				.register(registry);
	}
}
