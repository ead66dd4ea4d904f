package cn.onething.consultation.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import cn.onething.consultation.Question;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The consultation_question table. */
@Component
public class QuestionStore {

	private final DatabaseClient db;

	QuestionStore(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Void> ask(String about, String question, String phone, Instant dueAt) {
		return db.sql("insert into consultation_question (id, about, question, phone, due_at) values (:id, :about, :question, :phone, :due)")
				.bind("id", UUID.randomUUID()).bind("about", about).bind("question", question).bind("phone", phone)
				.bind("due", dueAt).then();
	}

	public Mono<Question> question(UUID id) {
		return db.sql("select * from consultation_question where id = :id").bind("id", id).map(row -> question(row)).one();
	}

	/** Answers a question not answered yet; false when someone answered it first. */
	public Mono<Boolean> answer(UUID id, String answer, String by, boolean faq) {
		return db.sql("update consultation_question set answer = :answer, answered_by = :by, answered_at = now(), faq = :faq "
				+ "where id = :id and answer is null")
				.bind("answer", answer).bind("by", by).bind("faq", faq).bind("id", id)
				.fetch().rowsUpdated().map(rows -> rows > 0);
	}

	/** Unanswered questions, the longest overdue first. */
	public Flux<Question> open() {
		return db.sql("select * from consultation_question where answer is null order by due_at").map(row -> question(row)).all();
	}

	public Flux<Question> recentlyAnswered(int limit) {
		return db.sql("select * from consultation_question where answer is not null order by answered_at desc limit :limit")
				.bind("limit", limit).map(row -> question(row)).all();
	}

	public Flux<Question> faq(String about) {
		return db.sql("select * from consultation_question where about = :about and faq order by answered_at desc")
				.bind("about", about).map(row -> question(row)).all();
	}

	private static Question question(Readable row) {
		OffsetDateTime answeredAt = row.get("answered_at", OffsetDateTime.class);
		return new Question(row.get("id", UUID.class), row.get("about", String.class), row.get("question", String.class),
				row.get("phone", String.class), row.get("asked_at", OffsetDateTime.class).toInstant(),
				row.get("due_at", OffsetDateTime.class).toInstant(), row.get("answer", String.class),
				row.get("answered_by", String.class), answeredAt == null ? null : answeredAt.toInstant(),
				Boolean.TRUE.equals(row.get("faq", Boolean.class)));
	}
}
