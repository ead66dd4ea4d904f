package cn.onething.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.calendar.CalendarWarning.Kind;

/**
 * Turns unpublished and unconfirmed holiday files into messages for staff. An unpublished year is not an error,
 * because the holiday laws and the weekday rule still give an answer, but that answer lacks the year's 调休 and
 * bridging days and may end a time limit a few days off; so it must be seen until the file is added.
 */
final class CalendarWarnings {

	private CalendarWarnings() {
	}

	static List<CalendarWarning> of(WorkingDayCalendar calendar, LocalDate today) {
		List<CalendarWarning> warnings = new ArrayList<>();
		for (int year : calendar.missingYears(today)) {
			warnings.add(new CalendarWarning(Kind.UNPUBLISHED, Region.NATIONAL, year, "尚未添加" + year
					+ "年全国节假日安排（国务院办公厅通知通常在" + (year - 1) + "年10–11月发布）。在按 guides/calendar/README.md 添加 national-"
					+ year + ".yaml 之前，" + year + "年的办理期限只跳过周末和法定节假日（元旦、春节等，按全国年节及纪念日放假办法推算），"
					+ "不含调休上班和连休，可能与正式安排相差几天。"));
		}
		for (Region overlay : calendar.overlays()) {
			String name = calendar.regionName(overlay);
			for (int year : WorkingDayCalendar.expectedYears(today)) {
				if (calendar.schedule(overlay, year).isEmpty()) {
					warnings.add(new CalendarWarning(Kind.UNPUBLISHED, overlay, year, unpublishedRegion(calendar, overlay, name, year)));
				}
			}
		}
		for (Region region : regionsNationalFirst(calendar)) {
			for (int year : WorkingDayCalendar.expectedYears(today)) {
				Optional<HolidaySchedule> schedule = calendar.schedule(region, year);
				if (schedule.isPresent() && !schedule.get().confirmed()) {
					warnings.add(new CalendarWarning(Kind.UNCONFIRMED, region, year, year + "年" + schedule.get().regionName()
							+ "节假日安排尚未与正式通知核对（confirmed: false）：" + describe(schedule.get().days())
							+ "。请核对通知后改为 confirmed: true 并填写 source。"));
				}
			}
		}
		return List.copyOf(warnings);
	}

	private static String unpublishedRegion(WorkingDayCalendar calendar, Region region, String name, int year) {
		String file = calendar.filePrefix(region).orElse("<地区>") + "-" + year + ".yaml";
		Collection<ScheduledDay> statutory = calendar.statutoryDays(region, year).values();
		if (statutory.isEmpty()) {
			return "尚未添加" + year + "年" + name + "地方节假日安排 " + file + "。通知发布前，可先按农历日期录入并写 confirmed: false。";
		}
		return "尚未添加" + year + "年" + name + "地方节假日安排。在添加 guides/calendar/" + file + " 之前，按放假办法推算"
				+ describe(statutory) + "放假，不含自治区通知另定的调休。";
	}

	/** 壮族三月三 4月19日、4月20日: each holiday's name once, then its days; 上班 days marked. */
	private static String describe(Collection<ScheduledDay> days) {
		return days.stream().sorted(Comparator.comparing(ScheduledDay::date))
				.collect(Collectors.groupingBy(ScheduledDay::name, LinkedHashMap::new, Collectors.toList()))
				.entrySet().stream()
				.map(holiday -> holiday.getKey() + " " + holiday.getValue().stream()
						.map(day -> day.date().getMonthValue() + "月" + day.date().getDayOfMonth() + "日"
								+ (day.kind() == DayKind.WORK ? "（上班）" : ""))
						.collect(Collectors.joining("、")))
				.collect(Collectors.joining("；"));
	}

	private static List<Region> regionsNationalFirst(WorkingDayCalendar calendar) {
		List<Region> regions = new ArrayList<>();
		regions.add(Region.NATIONAL);
		regions.addAll(calendar.overlays());
		return regions;
	}
}
