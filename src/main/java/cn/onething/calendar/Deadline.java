package cn.onething.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A statutory or committed time limit of a case, in working days from acceptance (受理), with the suspensions that
 * stop its clock.
 * <p>
 * The acceptance day is not counted (民法典 §201); only working days count (行政许可法 §82); a working day inside
 * any suspension does not count either, so the due date moves by exactly the working days suspended (§45).
 * Overlapping suspensions are not counted twice, because a day is either suspended or not.
 *
 * @param accepted the day of acceptance; if no one-time notice was given within five working days, the day the
 *     materials were received (§32 (四))
 * @param workingDays the limit, e.g. 20 (§42) or a shorter committed limit; 0 for a decision on the spot
 * @param region where the case is handled, for regional holidays
 * @param suspensions the stretches not counted, in any order, possibly overlapping
 */
public record Deadline(LocalDate accepted, int workingDays, Region region, List<Suspension> suspensions) {

	public Deadline {
		Objects.requireNonNull(accepted, "accepted");
		Objects.requireNonNull(region, "region");
		if (workingDays < 0) {
			throw new IllegalArgumentException("A time limit cannot be negative: " + workingDays);
		}
		suspensions = List.copyOf(suspensions);
	}

	public static Deadline of(LocalDate accepted, int workingDays, Region region) {
		return new Deadline(accepted, workingDays, region, List.of());
	}

	/** The same limit with one more suspension; the original is unchanged. */
	public Deadline suspendedFor(Suspension suspension) {
		List<Suspension> more = new ArrayList<>(suspensions);
		more.add(suspension);
		return new Deadline(accepted, workingDays, region, more);
	}

	/** The last day on which the decision is in time: always a working day outside every suspension. */
	public LocalDate dueDate(WorkingDayCalendar calendar) {
		LocalDate day = accepted;
		if (workingDays == 0) {
			// Decided on the spot: the acceptance day itself, unless it does not count.
			while (!counts(day, calendar)) {
				day = day.plusDays(1);
			}
			return day;
		}
		for (int counted = 0; counted < workingDays;) {
			day = day.plusDays(1);
			counted += counts(day, calendar) ? 1 : 0;
		}
		return day;
	}

	/** The working days the suspensions took out of the clock before the due date, each day once. */
	public int suspendedWorkingDays(WorkingDayCalendar calendar) {
		LocalDate due = dueDate(calendar);
		int suspended = 0;
		for (LocalDate day = accepted.plusDays(1); !day.isAfter(due); day = day.plusDays(1)) {
			suspended += calendar.isWorkingDay(day, region) && isSuspended(day) ? 1 : 0;
		}
		return suspended;
	}

	/**
	 * The counted working days still left after {@code today}: 0 on the due date itself, negative once overdue.
	 * Staff see it as "剩余 N 个工作日".
	 */
	public int workingDaysLeft(LocalDate today, WorkingDayCalendar calendar) {
		int counted = 0;
		for (LocalDate day = accepted.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
			counted += counts(day, calendar) ? 1 : 0;
		}
		return workingDays - counted;
	}

	private boolean counts(LocalDate day, WorkingDayCalendar calendar) {
		return calendar.isWorkingDay(day, region) && !isSuspended(day);
	}

	private boolean isSuspended(LocalDate day) {
		return suspensions.stream().anyMatch(suspension -> suspension.contains(day));
	}
}
