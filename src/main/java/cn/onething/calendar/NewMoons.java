package cn.onething.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The day in Beijing time (UTC+8) of the new moon nearest a given day, which is the day a lunar month begins
 * (GB/T 33661-2017 农历的编算和颁行). ICU's ChineseCalendar places some new moons a few minutes late, so one that
 * falls just before midnight starts its month a day late there: 2027-02-06 23:56 gives 春节 2027-02-07 instead of
 * 02-06. This computes the instant with the periodic terms of J. Meeus, Astronomical Algorithms (2nd ed.), ch. 49,
 * good to seconds in this century, and ΔT (terrestrial minus universal time) from Espenak and Meeus' polynomials.
 */
final class NewMoons {

	private static final double SYNODIC_MONTH = 29.530588861;
	private static final double FIRST_NEW_MOON_OF_2000 = 2451550.09766;
	private static final double BEIJING_OFFSET_DAYS = 8.0 / 24;

	private NewMoons() {
	}

	/** The Beijing-time day of the new moon nearest to {@code near} (within half a lunation). */
	static LocalDate dayNearest(LocalDate near) {
		double jd = near.getLong(JulianFields.JULIAN_DAY);
		long k = Math.round((jd - FIRST_NEW_MOON_OF_2000) / SYNODIC_MONTH);
		double universalTime = instant(k) - deltaTSeconds(near.getYear()) / 86_400.0;
		// A Julian date starts at noon; the civil day in Beijing starts 0.5 - 8/24 days before the next Julian date.
		long beijingDay = (long) Math.floor(universalTime + 0.5 + BEIJING_OFFSET_DAYS);
		return LocalDate.EPOCH.with(JulianFields.JULIAN_DAY, beijingDay);
	}

	/** The Julian ephemeris day of new moon number {@code k} (0 = 2000-01-06), Meeus (49.1) with its corrections. */
	static double instant(long k) {
		double t = k / 1236.85;
		double jde = FIRST_NEW_MOON_OF_2000 + SYNODIC_MONTH * k + 0.00015437 * t * t - 0.000000150 * t * t * t
				+ 0.00000000073 * t * t * t * t;
		double e = 1 - 0.002516 * t - 0.0000074 * t * t;
		double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
		double mm = rad(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t * t * t - 0.000000058 * t * t * t * t);
		double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t * t * t + 0.000000011 * t * t * t * t);
		double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
		double periodic = -0.40720 * Math.sin(mm)
				+ 0.17241 * e * Math.sin(m)
				+ 0.01608 * Math.sin(2 * mm)
				+ 0.01039 * Math.sin(2 * f)
				+ 0.00739 * e * Math.sin(mm - m)
				- 0.00514 * e * Math.sin(mm + m)
				+ 0.00208 * e * e * Math.sin(2 * m)
				- 0.00111 * Math.sin(mm - 2 * f)
				- 0.00057 * Math.sin(mm + 2 * f)
				+ 0.00056 * e * Math.sin(2 * mm + m)
				- 0.00042 * Math.sin(3 * mm)
				+ 0.00042 * e * Math.sin(m + 2 * f)
				+ 0.00038 * e * Math.sin(m - 2 * f)
				- 0.00024 * e * Math.sin(2 * mm - m)
				- 0.00017 * Math.sin(omega)
				- 0.00007 * Math.sin(mm + 2 * m)
				+ 0.00004 * Math.sin(2 * mm - 2 * f)
				+ 0.00004 * Math.sin(3 * m)
				+ 0.00003 * Math.sin(mm + m - 2 * f)
				+ 0.00003 * Math.sin(2 * mm + 2 * f)
				- 0.00003 * Math.sin(mm + m + 2 * f)
				+ 0.00003 * Math.sin(mm - m + 2 * f)
				- 0.00002 * Math.sin(mm - m - 2 * f)
				- 0.00002 * Math.sin(3 * mm + m)
				+ 0.00002 * Math.sin(4 * mm);
		double planetary = 0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t * t)
				+ 0.000165 * sinDeg(251.88 + 0.016321 * k)
				+ 0.000164 * sinDeg(251.83 + 26.651886 * k)
				+ 0.000126 * sinDeg(349.42 + 36.412478 * k)
				+ 0.000110 * sinDeg(84.66 + 18.206239 * k)
				+ 0.000062 * sinDeg(141.74 + 53.303771 * k)
				+ 0.000060 * sinDeg(207.14 + 2.453732 * k)
				+ 0.000056 * sinDeg(154.84 + 7.306860 * k)
				+ 0.000047 * sinDeg(34.52 + 27.261239 * k)
				+ 0.000042 * sinDeg(207.19 + 0.121824 * k)
				+ 0.000040 * sinDeg(291.34 + 1.844379 * k)
				+ 0.000037 * sinDeg(161.72 + 24.198154 * k)
				+ 0.000035 * sinDeg(239.56 + 25.513099 * k)
				+ 0.000023 * sinDeg(331.55 + 3.592518 * k);
		return jde + periodic + planetary;
	}

	/** ΔT in seconds (NASA's eclipse site polynomials by Espenak and Meeus); a few seconds off, which matters only for a new moon seconds from midnight. */
	static double deltaTSeconds(int year) {
		double y = year + 0.5;
		if (y < 2050) {
			double t = y - 2000;
			return 62.92 + 0.32217 * t + 0.005589 * t * t;
		}
		double u = (y - 1820) / 100;
		return -20 + 32 * u * u - 0.5628 * (2150 - y);
	}

	private static double rad(double degrees) {
		return Math.toRadians(degrees % 360);
	}

	private static double sinDeg(double degrees) {
		return Math.sin(rad(degrees));
	}
}
