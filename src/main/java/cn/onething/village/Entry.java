package cn.onething.village;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A published entry of a committee's disclosure list, shown from {@code startsOn} to {@code endsOn}, both included;
 * for a matter with a 公示期, that is the period people may object in.
 */
public record Entry(UUID id, String townshipId, String committeeId, String itemId, String title, String content,
		Map<SharedElement, String> figures, List<String> recipients, LocalDate startsOn, LocalDate endsOn,
		String objectionChannel, Instant publishedAt, String publishedBy) {

	public Entry {
		figures = Map.copyOf(figures);
		recipients = List.copyOf(recipients);
	}

	public boolean isShownOn(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}

	/** Days after {@code today} until the period ends: 0 on its last day. */
	public long daysLeft(LocalDate today) {
		return Math.max(0, ChronoUnit.DAYS.between(today, endsOn));
	}

	/** The address of its committee's page, where the entry is shown. */
	public String path() {
		return "/places/" + townshipId + "/" + committeeId + "#entry-" + id;
	}
}
