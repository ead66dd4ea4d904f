package cn.onething.consultation.web;

import java.util.Map;

import cn.onething.catalog.Catalog;
import cn.onething.consultation.AnswerLimit;
import cn.onething.consultation.QuestionRules;
import cn.onething.consultation.Subject;
import cn.onething.consultation.internal.QuestionStore;
import cn.onething.village.Villages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 办事咨询 for applicants: a guide's or a committee's questions page lists the answers published as FAQ and takes a
 * new question with a phone number to call back. The phone is never shown again on a public page.
 */
@Controller
class QuestionPages {

	private final QuestionStore questions;
	private final Catalog catalog;
	private final Villages villages;
	private final AnswerLimit limit;

	QuestionPages(QuestionStore questions, Catalog catalog, Villages villages, AnswerLimit limit) {
		this.questions = questions;
		this.catalog = catalog;
		this.villages = villages;
		this.limit = limit;
	}

	@GetMapping("/questions")
	Mono<Rendering> page(@RequestParam(required = false) String about, @RequestParam(required = false) String asked) {
		Subject subject = subject(about);
		return render(subject, Map.of(), Map.of(), asked != null, HttpStatus.OK);
	}

	@PostMapping("/questions")
	Mono<Rendering> ask(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(form -> {
			Subject subject = subject(form.getFirst("about"));
			String question = form.getFirst("question");
			String phone = form.getFirst("phone");
			Map<String, String> problems = QuestionRules.questionProblems(question, phone);
			if (!problems.isEmpty()) {
				return render(subject, problems, Map.of("question", question == null ? "" : question, "phone",
						phone == null ? "" : phone), false, HttpStatus.UNPROCESSABLE_CONTENT);
			}
			return questions.ask(subject.key(), question.strip(), phone.strip(), limit.overdueFrom(limit.now()))
					.thenReturn(Rendering.redirectTo("/questions?about=" + subject.key() + "&asked=1").status(HttpStatus.SEE_OTHER)
							.build());
		});
	}

	private Mono<Rendering> render(Subject subject, Map<String, String> problems, Map<String, String> values, boolean asked,
			HttpStatus status) {
		return questions.faq(subject.key()).collectList().map(faq -> Rendering.view("consultation/applicant/questions")
				.status(status).modelAttribute("catalog", catalog.current()).modelAttribute("subject", subject)
				.modelAttribute("faq", faq).modelAttribute("problems", problems).modelAttribute("values", values)
				.modelAttribute("asked", asked).modelAttribute("workingDays", limit.workingDays()).build());
	}

	private Subject subject(String about) {
		return Subject.of(about, catalog.current(), villages.places())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个咨询对象"));
	}
}
