package cn.onething.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stretch of days in which the statutory clock of a case stands still, both ends included: waiting for the
 * applicant's correction (补正, 行政许可法 §32), or a special procedure such as a hearing, testing, inspection or
 * expert review, whose time "不计算在本节规定的期限内" (§45). An ongoing suspension is recorded up to today and
 * extended as days pass.
 *
 * @param from the first day not counted
 * @param to the last day not counted
 * @param reason why, as told to the applicant (§45 requires telling them in writing)
 */
public record Suspension(LocalDate from, LocalDate to, String reason) {

	public Suspension {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("A suspension ends on or after its first day: " + from + " to " + to);
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A suspension needs a reason to tell the applicant");
		}
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}
}
