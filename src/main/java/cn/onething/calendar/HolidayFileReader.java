package cn.onething.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onething.shared.yaml.Problems;
import cn.onething.shared.yaml.YamlFields;

/**
 * Turns one holiday file (format in guides/calendar/README.md) into a {@link HolidaySchedule}, reporting every
 * mistake with its line: a bad or duplicate date, a date outside the file's year, an unknown kind, a 调休 working
 * day that is not a weekend day or that falls on a statutory holiday.
 */
final class HolidayFileReader {

	/** A file that read without problems, with where its year stands for problems across files. */
	record ReadFile(HolidaySchedule schedule, String path, int yearLine) {
	}

	private static final Set<String> FILE_KEYS = Set.of("year", "region", "regionName", "notice", "source", "confirmed",
			"note", "days");
	private static final Set<String> DAY_KEYS = Set.of("date", "kind", "name");
	private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*-(\\d{4})\\.ya?ml");
	private static final Pattern YEAR = Pattern.compile("\\d{4}");
	private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2,12}");
	private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");

	private HolidayFileReader() {
	}

	static Optional<ReadFile> read(String path, YamlFields file, Problems problems) {
		file.onlyKeys(FILE_KEYS);
		Integer year = year(path, file);
		Region region = region(file);
		String regionName = text(file, "regionName", region != null && !region.isNational());
		String notice = file.text("notice");
		Boolean confirmed = confirmed(file);
		String source = text(file, "source", Boolean.TRUE.equals(confirmed));
		if (source != null && !WEB_ADDRESS.matcher(source).matches()) {
			file.problem("source", "通知地址应以 http:// 或 https:// 开头");
		}
		file.optionalText("note");
		List<ScheduledDay> days = days(file, year, region);
		if (!problems.isEmpty()) {
			return Optional.empty();
		}
		String name = regionName != null ? regionName : "全国";
		return Optional.of(new ReadFile(new HolidaySchedule(region, name, year, notice, source, confirmed, days), path,
				file.line("year")));
	}

	private static String text(YamlFields file, String key, boolean required) {
		return required ? file.text(key) : file.optionalText(key);
	}

	private static Integer year(String path, YamlFields file) {
		String text = file.text("year");
		if (text == null) {
			return null;
		}
		if (!YEAR.matcher(text).matches()) {
			file.problem("year", "年份应为4位数字，实际为“" + text + "”");
			return null;
		}
		Matcher name = FILE_NAME.matcher(path.substring(path.lastIndexOf('/') + 1));
		if (!name.matches()) {
			file.problem("year", "文件名应为“地区-年份.yaml”，如 national-" + text + ".yaml、guangxi-" + text + ".yaml");
		}
		else if (!name.group(2).equals(text)) {
			file.problem("year", "文件名中的年份" + name.group(2) + "与 year: " + text + " 不一致");
		}
		return Integer.valueOf(text);
	}

	private static Region region(YamlFields file) {
		String text = file.text("region");
		if (text == null) {
			return null;
		}
		if (!Region.NATIONAL_NAME.equals(text) && !DIVISION_CODE.matcher(text).matches()) {
			file.problem("region", "应为 national（全国）或区划代码（如广西为 \"45\"），实际为“" + text + "”");
			return null;
		}
		return Region.of(text);
	}

	private static Boolean confirmed(YamlFields file) {
		String text = file.text("confirmed");
		if (text == null) {
			return null;
		}
		if (!text.equals("true") && !text.equals("false")) {
			file.problem("confirmed", "应为 true（已与通知核对）或 false，实际为“" + text + "”");
			return null;
		}
		return Boolean.valueOf(text);
	}

	private static List<ScheduledDay> days(YamlFields file, Integer year, Region region) {
		List<ScheduledDay> days = new ArrayList<>();
		Map<LocalDate, Integer> lineByDate = new HashMap<>();
		for (YamlFields entry : file.objects("days", true)) {
			entry.onlyKeys(DAY_KEYS);
			LocalDate date = date(entry, year);
			DayKind kind = kind(entry);
			String name = entry.text("name");
			if (date != null) {
				Integer earlier = lineByDate.putIfAbsent(date, entry.line("date"));
				if (earlier != null) {
					entry.problem("date", "日期重复：" + date + " 已在第" + earlier + "行");
				}
				if (kind == DayKind.WORK && ScheduledDay.isWeekday(date)) {
					entry.problem("kind", "上班（调休）只能是周六或周日，" + date + " 是"
							+ date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA));
				}
				else if (kind == DayKind.WORK && region != null) {
					// A notice moves working days around the statutory holidays, never onto one.
					HolidayLaw.dayOff(date, region).ifPresent(statutory -> entry.problem("kind",
							date + " 是法定节假日（" + statutory.name() + "），不能调休上班"));
				}
			}
			if (date != null && kind != null && name != null) {
				days.add(new ScheduledDay(date, kind, name));
			}
		}
		return days;
	}

	private static LocalDate date(YamlFields entry, Integer year) {
		String text = entry.text("date");
		if (text == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (year != null && date.getYear() != year) {
				entry.problem("date", "日期" + date + "不在本文件的年份" + year + "内");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException e) {
			entry.problem("date", "日期应写作 YYYY-MM-DD，实际为“" + text + "”");
			return null;
		}
	}

	private static DayKind kind(YamlFields entry) {
		String text = entry.text("kind");
		if (text == null) {
			return null;
		}
		return DayKind.byLabel(text).orElseGet(() -> {
			entry.problem("kind", "“" + text + "”不是允许的取值，应为：放假、上班");
			return null;
		});
	}
}
