/**
 * The working-day calendar: which days count in a statutory time limit, and when a case is due.
 * <p>
 * Administrative-licensing limits are counted in working days without statutory holidays (行政许可法 §82); the day
 * of acceptance is not counted (民法典 §201). Which days are off comes from the State Council's yearly notice
 * (holidays and 调休 working weekends) and from regional overlays such as Guangxi's 壮族三月三, all kept as
 * editable YAML under {@code guides/calendar/}. Time spent on correction or on special procedures (§45) suspends
 * the clock; a bundle handled jointly is capped at 45 working days, extendable once by 15 (§42).
 * <p>
 * Public API, all in this package and free of Spring and R2DBC: {@link cn.onething.calendar.WorkingDayCalendar},
 * {@link cn.onething.calendar.Region}, {@link cn.onething.calendar.Deadline},
 * {@link cn.onething.calendar.Suspension}, {@link cn.onething.calendar.JointHandlingLimit} and
 * {@link cn.onething.calendar.HolidayFiles} to read the YAML. Allowed dependencies: {@code shared} only (plus the
 * JDK and SnakeYAML for reading the files).
 */
@ApplicationModule(displayName = "Working-day calendar", allowedDependencies = "shared")
package cn.onething.calendar;

import org.springframework.modulith.ApplicationModule;
