package cn.onething.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns missing and unconfirmed holiday files into messages for staff. A missing year is not an error, because
 * the weekday rule still gives an answer, but that answer may end a time limit on a holiday; so it must be seen.
 */
final class CalendarWarnings {

	private CalendarWarnings() {
	}

	static List<CalendarWarning> of(WorkingDayCalendar calendar, LocalDate today) {
		List<CalendarWarning> warnings = new ArrayList<>();
		for (int year : calendar.missingYears(today)) {
			warnings.add(new CalendarWarning(Region.NATIONAL, year, "缺少" + year + "年全国节假日安排（国务院办公厅通知通常在"
					+ (year - 1) + "年10–11月发布）。请按 guides/calendar/README.md 添加 national-" + year
					+ ".yaml；在此之前按周一至周五推算工作日，跨入" + year + "年的办理期限可能偏早。"));
		}
		for (Region overlay : calendar.overlays()) {
			String name = calendar.regionName(overlay);
			for (int year : WorkingDayCalendar.expectedYears(today)) {
				if (calendar.schedule(overlay, year).isEmpty()) {
					warnings.add(new CalendarWarning(overlay, year, "缺少" + year + "年" + name
							+ "地方节假日（如壮族三月三）。自治区通知发布前，可先按农历日期录入并写 confirmed: false。"));
				}
			}
		}
		for (Region region : regionsNationalFirst(calendar)) {
			for (int year : WorkingDayCalendar.expectedYears(today)) {
				Optional<HolidaySchedule> schedule = calendar.schedule(region, year);
				if (schedule.isPresent() && !schedule.get().confirmed()) {
					warnings.add(new CalendarWarning(region, year, year + "年" + schedule.get().regionName()
							+ "节假日尚未与正式通知核对（confirmed: false），请核对后改为 confirmed: true 并填写 source。"));
				}
			}
		}
		return List.copyOf(warnings);
	}

	private static List<Region> regionsNationalFirst(WorkingDayCalendar calendar) {
		List<Region> regions = new ArrayList<>();
		regions.add(Region.NATIONAL);
		regions.addAll(calendar.overlays());
		return regions;
	}
}
