package cn.onething.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.JulianFields;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Gregorian days of lunar dates (农历) and of the solar term 清明, as the holiday laws name them.
 * <p>
 * ICU4J's {@link ChineseCalendar} says which lunar month is which (正月, leap months); the day a month begins is
 * then taken from {@link NewMoons}, because ICU's lunar theory starts a month a day late when its new moon falls
 * minutes before midnight in Beijing (春节 2027 would be 02-07; it is 02-06).
 */
final class LunarDates {

	private LunarDates() {
	}

	/**
	 * The day of lunar {@code month} (not a leap month) and {@code day} in the lunar year that begins in Gregorian
	 * {@code year}: {@code of(2026, 1, 1)} is 春节 2026, 2026-02-17.
	 */
	static LocalDate of(int year, int month, int day) {
		// ICU4J calendars are not thread-safe: one per call. 1 March lies in the lunar year that began in this
		// Gregorian year, since 春节 is never later than 20 February.
		ChineseCalendar lunar = new ChineseCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
		lunar.setTimeInMillis(LocalDate.of(year, 3, 1).atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli());
		lunar.set(Calendar.MONTH, month - 1);
		lunar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
		lunar.set(Calendar.DAY_OF_MONTH, 1);
		LocalDate icuFirstDay = LocalDate.EPOCH.with(JulianFields.JULIAN_DAY, lunar.get(Calendar.JULIAN_DAY));
		return NewMoons.dayNearest(icuFirstDay).plusDays(day - 1);
	}

	/** 除夕: the last day of the twelfth lunar month, the day before 春节 of {@code year}. */
	static LocalDate newYearsEve(int year) {
		return of(year, 1, 1).minusDays(1);
	}

	/**
	 * 清明, the solar term at the sun's longitude 15°, by the well-known formula for the 21st century
	 * (day of April = ⌊0.2422·y + 4.81⌋ − ⌊y/4⌋, y = year mod 100); it agrees with the published days 2020–2030.
	 */
	static LocalDate qingming(int year) {
		if (year < 2001 || year > 2099) {
			throw new IllegalArgumentException("清明 is computed for 2001 to 2099 only: " + year);
		}
		int y = year % 100;
		return LocalDate.of(year, 4, (int) Math.floor(0.2422 * y + 4.81) - y / 4);
	}
}
