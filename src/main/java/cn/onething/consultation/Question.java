package cn.onething.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A question left by a person, and its answer once given.
 *
 * @param dueAt when it becomes overdue: the end of its last day to answer ({@link AnswerLimit})
 */
public record Question(UUID id, String about, String question, String phone, Instant askedAt, Instant dueAt,
		String answer, String answeredBy, Instant answeredAt, boolean faq) {

	/** The last day to answer, in China. */
	public LocalDate dueOn() {
		return dueAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().minusDays(1);
	}

	public boolean answered() {
		return answer != null;
	}

	public boolean overdueAt(Instant now) {
		return !answered() && !now.isBefore(dueAt);
	}
}
