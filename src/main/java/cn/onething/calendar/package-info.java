/**
 * The working-day calendar: which days count in a statutory time limit, and when a case is due.
 * <p>
 * Administrative-licensing limits are counted in working days without statutory holidays (行政许可法 §82); the day
 * of acceptance is not counted (民法典 §201). Which days are off comes from the holiday laws, derived for every
 * year ({@code HolidayLaw}: the national 13 days, Guangxi's 壮族三月三), overlaid by each year's published notice
 * (调休 working weekends, bridging days), kept as editable YAML under {@code guides/calendar/}. A year whose notice
 * is missing is warned about on the staff console, in health and in metrics ({@code internal}). Time spent on
 * correction or on special procedures (§45) suspends the clock; a bundle handled jointly is capped at 45 working
 * days, extendable once by 15 (§42). docs/calendar.md explains the rules.
 * <p>
 * Public API, all in this package and free of Spring and R2DBC: {@link cn.onething.calendar.WorkingDayCalendar},
 * {@link cn.onething.calendar.Region}, {@link cn.onething.calendar.Deadline},
 * {@link cn.onething.calendar.Suspension}, {@link cn.onething.calendar.JointHandlingLimit},
 * {@link cn.onething.calendar.CalendarWarning} and {@link cn.onething.calendar.HolidayFiles} to read the YAML.
 * Allowed dependencies: {@code shared} and its {@code yaml} reader only (plus the JDK, SnakeYAML and ICU4J for lunar
 * dates).
 */
@ApplicationModule(displayName = "Working-day calendar", allowedDependencies = { "shared", "shared :: yaml" })
package cn.onething.calendar;

import org.springframework.modulith.ApplicationModule;
