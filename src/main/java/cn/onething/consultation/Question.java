package cn.onething.consultation;

import java.time.Instant;
import java.util.UUID;

/** A question left by a person, and its answer once given. */
public record Question(UUID id, String about, String question, String phone, Instant askedAt, Instant dueAt,
		String answer, String answeredBy, Instant answeredAt, boolean faq) {

	public boolean answered() {
		return answer != null;
	}

	public boolean overdueAt(Instant now) {
		return !answered() && now.isAfter(dueAt);
	}
}
