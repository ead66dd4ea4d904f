package cn.onething.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The holidays a law fixes for every year, before and regardless of the yearly notice that arranges them (调休,
 * bridging days). A year whose notice is not yet published still gets these days off, so a time limit counted
 * into it never ends on 春节 merely because nobody has added next year's file.
 * <p>
 * Only days off are derived. Moving a working day (调休) and the make-up weekday for a holiday that falls on a
 * weekend (补假, §6 of the national law) are set by the notice, so they wait for its file.
 */
enum HolidayLaw {

	/**
	 * 全国年节及纪念日放假办法 as amended on 2024-11-10 (国务院令第798号, in force from 2025-01-01), §2: 元旦 1 day,
	 * 春节 4 days (除夕 and 正月初一 to 初三), 清明节 1, 劳动节 2 (5/1, 5/2), 端午节 1 (五月初五), 中秋节 1 (八月十五),
	 * 国庆节 3 (10/1 to 10/3): 13 days. Earlier versions had fewer days, hence the first year.
	 */
	NATIONAL(Region.NATIONAL, "全国", "national", 2025) {
		@Override
		List<ScheduledDay> daysOff(int year) {
			List<ScheduledDay> days = new ArrayList<>();
			days.add(ScheduledDay.off(LocalDate.of(year, 1, 1), "元旦"));
			LocalDate eve = LunarDates.newYearsEve(year);
			for (int i = 0; i < 4; i++) {
				days.add(ScheduledDay.off(eve.plusDays(i), "春节"));
			}
			days.add(ScheduledDay.off(LunarDates.qingming(year), "清明节"));
			days.add(ScheduledDay.off(LocalDate.of(year, 5, 1), "劳动节"));
			days.add(ScheduledDay.off(LocalDate.of(year, 5, 2), "劳动节"));
			days.add(ScheduledDay.off(LunarDates.of(year, 5, 5), "端午节"));
			days.add(ScheduledDay.off(LunarDates.of(year, 8, 15), "中秋节"));
			for (int day = 1; day <= 3; day++) {
				days.add(ScheduledDay.off(LocalDate.of(year, 10, day), "国庆节"));
			}
			return days;
		}
	},

	/**
	 * 广西壮族自治区少数民族习惯节日放假办法 (自治区人民政府令第98号, a public holiday since 2014): 壮族三月三,
	 * 农历三月初三 and 初四, 2 days for everyone in Guangxi (全国年节及纪念日放假办法 §4 leaves ethnic-minority
	 * holidays to the autonomous region).
	 */
	GUANGXI_ZHUANG_MARCH_THIRD(Region.GUANGXI, "广西壮族自治区", "guangxi", 2014) {
		@Override
		List<ScheduledDay> daysOff(int year) {
			LocalDate third = LunarDates.of(year, 3, 3);
			return List.of(ScheduledDay.off(third, "壮族三月三"), ScheduledDay.off(third.plusDays(1), "壮族三月三"));
		}
	};

	private final Region region;
	private final String regionName;
	private final String filePrefix;
	private final int firstYear;

	HolidayLaw(Region region, String regionName, String filePrefix, int firstYear) {
		this.region = region;
		this.regionName = regionName;
		this.filePrefix = filePrefix;
		this.firstYear = firstYear;
	}

	/** Where the law applies: the nation, or a region and every division inside it. */
	Region region() {
		return region;
	}

	String regionName() {
		return regionName;
	}

	/** How the yearly files of this region are named: {@code guangxi} for {@code guangxi-2027.yaml}. */
	String filePrefix() {
		return filePrefix;
	}

	/** The days off the law fixes in {@code year}; none before the law (in its present version) was in force. */
	List<ScheduledDay> daysIn(int year) {
		return year < firstYear ? List.of() : daysOff(year);
	}

	abstract List<ScheduledDay> daysOff(int year);

	/** The statutory day off at {@code date} in {@code region} under any law that applies there. */
	static Optional<ScheduledDay> dayOff(LocalDate date, Region region) {
		for (HolidayLaw law : values()) {
			if (region.isWithin(law.region)) {
				for (ScheduledDay day : law.daysIn(date.getYear())) {
					if (day.date().equals(date)) {
						return Optional.of(day);
					}
				}
			}
		}
		return Optional.empty();
	}
}
