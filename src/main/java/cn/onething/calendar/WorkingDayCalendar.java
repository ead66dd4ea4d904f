package cn.onething.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which days are working days (工作日), and how time limits counted in them end. Immutable and safe to share.
 * <p>
 * Precedence for one day, from the most specific region to the nation: what that region's published notice (its
 * file) says about the day, else whether the region's holiday law makes it a day off ({@link HolidayLaw}); and
 * where no region says anything, the weekday rule (Monday to Friday). So a year whose notice is not published yet
 * still skips its statutory holidays, but not its 调休 and bridging days; {@link #warnings(LocalDate)} makes that
 * gap visible.
 */
public final class WorkingDayCalendar {

	/**
	 * How far ahead the calendar must be known: the longest limit counted here is a joint bundle's 45 + 15 working
	 * days (行政许可法 §42), some 84 calendar days, plus a holiday week. From October a limit counted today reaches
	 * into next year, so next year's notice is missed from then until its file is added.
	 */
	static final int HORIZON_DAYS = 92;

	private record LawYear(HolidayLaw law, int year) {
	}

	private final Map<Region, Map<LocalDate, ScheduledDay>> daysByRegion = new HashMap<>();
	private final Map<Region, TreeMap<Integer, HolidaySchedule>> schedulesByRegion = new HashMap<>();
	private final Map<Region, HolidayLaw> lawsByRegion = new HashMap<>();
	private final Map<LawYear, Map<LocalDate, ScheduledDay>> statutoryDays = new ConcurrentHashMap<>();
	private final List<Region> mostSpecificFirst;

	private WorkingDayCalendar(Collection<HolidaySchedule> schedules, Collection<HolidayLaw> laws) {
		laws.forEach(law -> lawsByRegion.put(law.region(), law));
		for (HolidaySchedule schedule : schedules) {
			TreeMap<Integer, HolidaySchedule> years = schedulesByRegion.computeIfAbsent(schedule.region(), r -> new TreeMap<>());
			if (years.putIfAbsent(schedule.year(), schedule) != null) {
				throw new IllegalArgumentException("Two schedules for " + schedule.region() + " " + schedule.year());
			}
			Map<LocalDate, ScheduledDay> days = daysByRegion.computeIfAbsent(schedule.region(), r -> new HashMap<>());
			schedule.days().forEach(day -> days.put(day.date(), day));
		}
		mostSpecificFirst = Stream.concat(schedulesByRegion.keySet().stream(), lawsByRegion.keySet().stream()).distinct()
				.sorted(Comparator.comparingInt((Region r) -> r.code().length()).reversed()).toList();
	}

	/** The published schedules over the holiday laws in force (national, and Guangxi's 壮族三月三). */
	public static WorkingDayCalendar of(Collection<HolidaySchedule> schedules) {
		return new WorkingDayCalendar(schedules, List.of(HolidayLaw.values()));
	}

	/** Monday to Friday only, without even the holiday laws; for tests and as the fallback of last resort. */
	public static WorkingDayCalendar weekdaysOnly() {
		return new WorkingDayCalendar(List.of(), List.of());
	}

	/**
	 * What the notices, or failing them the holiday laws, say about this day here, if anything: 春节 (off),
	 * 国庆节 (a 调休 working Saturday)...
	 */
	public Optional<ScheduledDay> scheduledDay(LocalDate date, Region region) {
		for (Region overlay : mostSpecificFirst) {
			if (region.isWithin(overlay)) {
				ScheduledDay day = daysByRegion.getOrDefault(overlay, Map.of()).get(date);
				if (day == null) {
					day = statutoryDays(overlay, date.getYear()).get(date);
				}
				if (day != null) {
					return Optional.of(day);
				}
			}
		}
		return Optional.empty();
	}

	/** A 调休 weekend day is a working day; a weekday inside a holiday break is not (行政许可法 §82). */
	public boolean isWorkingDay(LocalDate date, Region region) {
		return scheduledDay(date, region).map(day -> day.kind() == DayKind.WORK)
				.orElseGet(() -> ScheduledDay.isWeekday(date));
	}

	/** The first working day strictly after {@code date}. */
	public LocalDate nextWorkingDay(LocalDate date, Region region) {
		LocalDate day = date.plusDays(1);
		while (!isWorkingDay(day, region)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/**
	 * The day on which a limit of {@code n} working days ends. The start day is not counted (民法典 §201: "开始的当日
	 * 不计入，自下一日开始计算"), and only working days count (行政许可法 §82), so the result is always a working day.
	 * With {@code n == 0} (decided on the spot) it is the start day itself, or the next working day if that is off.
	 */
	public LocalDate addWorkingDays(LocalDate start, int n, Region region) {
		if (n < 0) {
			throw new IllegalArgumentException("A time limit cannot be negative: " + n);
		}
		if (n == 0) {
			return isWorkingDay(start, region) ? start : nextWorkingDay(start, region);
		}
		LocalDate day = start;
		for (int counted = 0; counted < n; counted++) {
			day = nextWorkingDay(day, region);
		}
		return day;
	}

	/**
	 * The day on which a limit of {@code n} calendar days ends (e.g. 60 days for 行政复议): the start day is not
	 * counted (民法典 §201), and a period whose last day is a day off ends on the next working day (民法典 §203).
	 */
	public LocalDate addCalendarDays(LocalDate start, int n, Region region) {
		if (n < 1) {
			throw new IllegalArgumentException("A period of calendar days is at least one day: " + n);
		}
		LocalDate last = start.plusDays(n);
		return isWorkingDay(last, region) ? last : nextWorkingDay(last, region);
	}

	/**
	 * The working days after {@code from} up to and including {@code to}, as {@link #addWorkingDays} counts them;
	 * negative when {@code to} is before {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to, Region region) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from, region);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			count += isWorkingDay(day, region) ? 1 : 0;
		}
		return count;
	}

	/** The years with a national schedule. */
	public SortedSet<Integer> coveredYears() {
		return coveredYears(Region.NATIONAL);
	}

	/** The years with a schedule of exactly this region (for an overlay such as {@link Region#GUANGXI}). */
	public SortedSet<Integer> coveredYears(Region region) {
		TreeMap<Integer, HolidaySchedule> years = schedulesByRegion.get(region);
		return Collections.unmodifiableSortedSet(years == null ? new TreeSet<>() : new TreeSet<>(years.keySet()));
	}

	/**
	 * The years whose national schedule should be there by {@code today} and is not: the current year, and from
	 * October also the next one, which limits counted from then on may reach ({@link #HORIZON_DAYS}); the State
	 * Council publishes it in October or November. Until the file exists, statutory holidays and weekends stand in.
	 */
	public SortedSet<Integer> missingYears(LocalDate today) {
		SortedSet<Integer> missing = expectedYears(today);
		missing.removeAll(coveredYears());
		return Collections.unmodifiableSortedSet(missing);
	}

	/** Every missing or unconfirmed file that matters {@code today}, national and regional; empty when all is well. */
	public List<CalendarWarning> warnings(LocalDate today) {
		return CalendarWarnings.of(this, today);
	}

	/** The days off the holiday law of exactly this region fixes in {@code year}, by date; empty without a law. */
	Map<LocalDate, ScheduledDay> statutoryDays(Region region, int year) {
		HolidayLaw law = lawsByRegion.get(region);
		if (law == null) {
			return Map.of();
		}
		// Derived once per law and year: the lunar computation is far slower than a map lookup, and deadlines ask
		// for every day they count.
		return statutoryDays.computeIfAbsent(new LawYear(law, year), key -> key.law().daysIn(key.year()).stream()
				.collect(Collectors.toUnmodifiableMap(ScheduledDay::date, day -> day)));
	}

	/** The file name prefix of a region's yearly files, if a holiday law names it: {@code guangxi}. */
	Optional<String> filePrefix(Region region) {
		return Optional.ofNullable(lawsByRegion.get(region)).map(HolidayLaw::filePrefix);
	}

	/** The nation and every region with a file or a holiday law, most general first: what warnings are about. */
	public List<Region> regions() {
		return Stream.concat(Stream.of(Region.NATIONAL), overlays().stream()).toList();
	}

	/** The regional overlays (not the nation) that have at least one schedule or a holiday law. */
	List<Region> overlays() {
		return mostSpecificFirst.stream().filter(region -> !region.isNational()).toList();
	}

	Optional<HolidaySchedule> schedule(Region region, int year) {
		return Optional.ofNullable(schedulesByRegion.getOrDefault(region, new TreeMap<>()).get(year));
	}

	/** A name for messages, from the region's latest file or its holiday law. */
	String regionName(Region region) {
		TreeMap<Integer, HolidaySchedule> years = schedulesByRegion.get(region);
		if (years != null) {
			return years.lastEntry().getValue().regionName();
		}
		HolidayLaw law = lawsByRegion.get(region);
		return law != null ? law.regionName() : region.code();
	}

	/** The years a limit counted from {@code today} may reach: today's, and the next one within the horizon. */
	static SortedSet<Integer> expectedYears(LocalDate today) {
		SortedSet<Integer> years = new TreeSet<>();
		years.add(today.getYear());
		years.add(today.plusDays(HORIZON_DAYS).getYear());
		return years;
	}
}
