package cn.onething.calendar;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The working-day calendar of the running service, read once at start-up from guides/calendar (start-up may block;
 * request threads never read it from disk). A folder with problems stops start-up: deadlines counted on a wrong
 * calendar would be worse than no service.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	WorkingDayCalendar workingDayCalendar(@Value("${onething.calendar.dir:guides/calendar}") Path folder) {
		HolidayFiles.Result read = HolidayFiles.read(folder);
		if (!read.isValid()) {
			throw new IllegalStateException("onething.calendar.dir (" + folder + ") has problems:\n"
					+ String.join("\n", read.problems().stream().map(Object::toString).toList()));
		}
		return read.calendar();
	}
}
