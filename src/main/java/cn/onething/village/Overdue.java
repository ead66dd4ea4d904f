package cn.onething.village;

import java.time.LocalDate;

/**
 * A quarterly matter a committee has not updated this quarter although its day passed.
 *
 * @param lastStartedOn the start of its latest entry; null if it never published one
 */
public record Overdue(Committee committee, DisclosureItem item, LocalDate dueOn, LocalDate lastStartedOn) {
}
