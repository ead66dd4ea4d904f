package cn.onething.consultation.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.onething.catalog.Catalog;
import cn.onething.consultation.AnswerLimit;
import cn.onething.consultation.Question;
import cn.onething.consultation.QuestionRules;
import cn.onething.consultation.Subject;
import cn.onething.consultation.internal.QuestionStore;
import cn.onething.identity.Identity;
import cn.onething.identity.StaffMember;
import cn.onething.village.Villages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 办事咨询 in the console: open questions, overdue first and marked, with the phone to call back, and the answer
 * form for those who answer the subject (its department's reviewers or the county's publisher for a guide, village
 * disclosure staff for a committee). Ticking 公开为常见问题 is the answerer's review: the answer then shows on the
 * subject's questions page.
 */
@Controller
class QuestionConsole {

	private static final String HALL = "政务服务中心";
	private static final int ANSWERED_SHOWN = 50;

	private final Identity identity;
	private final QuestionStore questions;
	private final Catalog catalog;
	private final Villages villages;
	private final AnswerLimit limit;

	QuestionConsole(Identity identity, QuestionStore questions, Catalog catalog, Villages villages, AnswerLimit limit) {
		this.identity = identity;
		this.questions = questions;
		this.catalog = catalog;
		this.villages = villages;
		this.limit = limit;
	}

	/** A question as the console lists it. */
	record Row(Question question, String subject, boolean overdue, boolean mayAnswer) {
	}

	@GetMapping("/staff/questions")
	Mono<Rendering> list() {
		return identity.signedIn().flatMap(member -> page(member, null, HttpStatus.OK));
	}

	@PostMapping("/staff/questions/{id}/answer")
	Mono<Rendering> answer(@PathVariable UUID id, ServerWebExchange exchange) {
		return identity.signedIn().flatMap(member -> questions.question(id)
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个咨询")))
				.flatMap(question -> {
					if (!subject(question).map(subject -> subject.answerableBy(member)).orElse(false)) {
						return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "只有负责该事项的部门或村（居）委会可以答复"));
					}
					return exchange.getFormData().flatMap(form -> {
						String answer = form.getFirst("answer");
						var problems = QuestionRules.answerProblems(answer);
						if (!problems.isEmpty()) {
							return page(member, problems.get("answer"), HttpStatus.UNPROCESSABLE_CONTENT);
						}
						return questions.answer(id, answer.strip(), member.username(), form.getFirst("faq") != null)
								.thenReturn(Rendering.redirectTo("/staff/questions").status(HttpStatus.SEE_OTHER).build());
					});
				}));
	}

	private Mono<Rendering> page(StaffMember member, String problem, HttpStatus status) {
		var now = limit.now();
		return Mono.zip(questions.open().collectList(), questions.recentlyAnswered(ANSWERED_SHOWN).collectList())
				.map(found -> Rendering.view("consultation/staff/questions").status(status)
						.modelAttribute("member", member)
						.modelAttribute("memberDepartment", member.departmentId() == null ? HALL
								: catalog.current().departmentName(member.departmentId()))
						.modelAttribute("open", rows(found.getT1(), member, now))
						.modelAttribute("answered", rows(found.getT2(), member, now))
						.modelAttribute("problem", problem == null ? "" : problem)
						.modelAttribute("workingDays", limit.workingDays())
						.build());
	}

	private List<Row> rows(List<Question> found, StaffMember member, java.time.Instant now) {
		return found.stream().map(question -> {
			Optional<Subject> subject = subject(question);
			return new Row(question, subject.map(Subject::name).orElse(question.about()), question.overdueAt(now),
					subject.map(s -> s.answerableBy(member)).orElse(false));
		}).toList();
	}

	private Optional<Subject> subject(Question question) {
		return Subject.of(question.about(), catalog.current(), villages.places());
	}
}
