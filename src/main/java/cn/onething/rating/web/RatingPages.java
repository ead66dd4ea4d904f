package cn.onething.rating.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.StoredCase;
import cn.onething.catalog.Catalog;
import cn.onething.rating.Ratings;
import cn.onething.rating.model.Channel;
import cn.onething.rating.model.FollowUp;
import cn.onething.rating.model.Indicator;
import cn.onething.rating.model.Level;
import cn.onething.rating.model.RatingAnswers;
import cn.onething.rating.model.RatingRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 好差评 for the applicant, under the case's signed progress link ({@code /cases/{code}/rating?k=}, linked from the
 * progress page of a completed case and from the WeChat invitation): the rating form, what was rated, a bad rating's
 * follow-up as it goes, and the rating of its rectification. Without the link's key nothing is shown or stored.
 */
@Controller
class RatingPages {

	private final Ratings ratings;
	private final Casework casework;
	private final CaseLinks links;
	private final Catalog catalog;

	RatingPages(Ratings ratings, Casework casework, CaseLinks links, Catalog catalog) {
		this.ratings = ratings;
		this.casework = casework;
		this.links = links;
		this.catalog = catalog;
	}

	@GetMapping("/cases/{code}/rating")
	Mono<Rendering> page(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
			@RequestParam(name = "done", required = false) String done) {
		if (!links.isValid(code, key)) {
			return Mono.just(Rendering.redirectTo(links.lookupPath(code)).build());
		}
		return casework.byReceiptCode(code)
				.flatMap(stored -> page(stored, key, HttpStatus.OK, Answers.NONE, "rated".equals(done) || "verdict".equals(done) ? done : null))
				.switchIfEmpty(Mono.just(Rendering.redirectTo("/cases").build()));
	}

	@PostMapping("/cases/{code}/rating")
	Mono<Rendering> rate(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
			ServerWebExchange exchange) {
		return signedCase(code, key).flatMap(stored -> exchange.getFormData().flatMap(form -> {
			Answers typed = Answers.of(form);
			Channel channel = Channel.ofUserAgent(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT));
			return Mono.fromCallable(() -> RatingAnswers.read(typed.level(), typed.indicators(), typed.comment()))
					.flatMap(answers -> ratings.rate(code, key, answers, channel))
					.map(rated -> Rendering.redirectTo(ratingPath(code, key) + "&done=rated").build())
					.onErrorResume(RatingAnswers.Rejected.class, rejected -> page(stored, key, HttpStatus.UNPROCESSABLE_CONTENT,
							typed.withProblems(rejected.problems()), null))
					.onErrorResume(RatingRefused.class, refused -> page(stored, key, HttpStatus.CONFLICT,
							typed.withProblems(Map.of("rating", refused.getMessage())), null));
		}));
	}

	@PostMapping("/cases/{code}/rating/rectification")
	Mono<Rendering> rateRectification(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
			ServerWebExchange exchange) {
		return signedCase(code, key).flatMap(stored -> exchange.getFormData().flatMap(form -> {
			String chosen = form.getFirst("verdict");
			Level verdict = Level.ofCode(chosen == null ? "" : chosen).filter(FollowUp.VERDICTS::contains).orElse(null);
			if (verdict == null) {
				return page(stored, key, HttpStatus.UNPROCESSABLE_CONTENT,
						Answers.NONE.withProblems(Map.of("verdict", "请选择对整改结果的评价：满意、基本满意或不满意")), null);
			}
			return ratings.rateRectification(code, key, verdict)
					.map(rated -> Rendering.redirectTo(ratingPath(code, key) + "&done=verdict").build())
					.onErrorResume(RatingRefused.class, refused -> page(stored, key, HttpStatus.CONFLICT,
							Answers.NONE.withProblems(Map.of("verdict", refused.getMessage())), null));
		}));
	}

	/** The case of a signed link; a form sent without one is refused outright, and nothing is stored. */
	private Mono<StoredCase> signedCase(String code, String key) {
		if (!links.isValid(code, key)) {
			return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
					"评价链接无效：请从办理进度页或微信通知中的链接进入后再评价"));
		}
		return casework.byReceiptCode(code)
				.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到这个办件")));
	}

	private Mono<Rendering> page(StoredCase stored, String key, HttpStatus status, Answers answers, String done) {
		String code = stored.file().receiptCode();
		return Mono.zip(ratings.ratingOf(code, key).map(Optional::of).defaultIfEmpty(Optional.empty()),
						ratings.followUpOf(code).map(Optional::of).defaultIfEmpty(Optional.empty()))
				.map(found -> Rendering.view("rating/applicant/rating").status(status)
						.modelAttribute("catalog", catalog.current())
						.modelAttribute("file", stored.file())
						.modelAttribute("key", key)
						.modelAttribute("progressPath", links.progressPath(code))
						.modelAttribute("rating", found.getT1().orElse(null))
						.modelAttribute("followUp", found.getT2().orElse(null))
						.modelAttribute("levels", List.of(Level.values()))
						.modelAttribute("modes", List.of(Indicator.Mode.values()))
						.modelAttribute("verdicts", FollowUp.VERDICTS)
						.modelAttribute("answers", answers)
						.modelAttribute("problems", answers.problems())
						.modelAttribute("done", done == null ? "" : done)
						.build());
	}

	private String ratingPath(String code, String key) {
		return "/cases/" + code + "/rating?k=" + key;
	}

	/** What the form was sent with, kept to show it again beside its problems. */
	public record Answers(String level, List<String> indicators, String comment, Map<String, String> problems) {

		static final Answers NONE = new Answers("", List.of(), "", Map.of());

		static Answers of(MultiValueMap<String, String> form) {
			List<String> ticked = form.get("indicators");
			return new Answers(form.getFirst("level"), ticked == null ? List.of() : List.copyOf(ticked),
					form.getFirst("comment"), Map.of());
		}

		Answers withProblems(Map<String, String> found) {
			return new Answers(level, indicators, comment, Map.copyOf(found));
		}

		public boolean ticked(String code) {
			return indicators.contains(code);
		}
	}
}
