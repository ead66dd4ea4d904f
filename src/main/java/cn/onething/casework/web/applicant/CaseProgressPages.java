package cn.onething.casework.web.applicant;

import java.util.Map;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Department;
import cn.onething.catalog.model.Guide;
import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.CaseLookup;
import cn.onething.casework.Casework;
import cn.onething.casework.Glossary;
import cn.onething.casework.Remedies;
import cn.onething.casework.StoredCase;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseRuleViolation;
import cn.onething.casework.model.CaseSchedule;
import cn.onething.casework.model.Flag;
import cn.onething.casework.web.RefusalsAndRemedies;
import cn.onething.casework.web.UploadParts;
import cn.onething.casework.web.UploadRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The applicant's view of a case, reached from the receipt's QR code or a WeChat push (a signed link), or by
 * typing the receipt code and the last four digits of the phone. A wrong code or phone gets the same answer, so
 * the form cannot be used to find out which receipt codes exist.
 */
@Controller
class CaseProgressPages {

	private final Casework casework;
	private final CaseLookup lookup;
	private final CaseLinks links;
	private final Catalog catalog;
	private final UploadParts uploadParts;
	private final Remedies remedies;

	CaseProgressPages(Casework casework, CaseLookup lookup, CaseLinks links, Catalog catalog, UploadParts uploadParts,
			Remedies remedies) {
		this.remedies = remedies;
		this.casework = casework;
		this.lookup = lookup;
		this.links = links;
		this.catalog = catalog;
		this.uploadParts = uploadParts;
	}

	@GetMapping("/cases")
	Rendering lookupForm(@RequestParam(name = "code", defaultValue = "") String code) {
		return lookupPage(code, null, HttpStatus.OK);
	}

	/** Wrong digits are throttled per receipt code ({@link CaseLookup}); the locked answer is the same for any code. */
	@PostMapping("/cases")
	Mono<Rendering> lookup(ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(form -> {
			String code = form.getFirst("code") == null ? "" : form.getFirst("code").strip();
			String phoneTail = form.getFirst("phoneTail") == null ? "" : form.getFirst("phoneTail").strip();
			boolean inWechat = Glossary.inWechat(exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT));
			return lookup.find(code, phoneTail).map(outcome -> {
				if (outcome instanceof CaseLookup.Found found) {
					return Rendering.redirectTo(links.progressPath(found.stored().file().receiptCode())).build();
				}
				if (outcome instanceof CaseLookup.Locked locked) {
					return lookupPage(code, "这个" + Glossary.RECEIPT_CODE + "的查询错误次数过多，请 " + locked.minutes()
							+ " 分钟后再试。" + Glossary.readPrintedCode(inWechat) + "回执上的二维码可以直接查看进度。",
							HttpStatus.TOO_MANY_REQUESTS);
				}
				return lookupPage(code, Glossary.RECEIPT_CODE + "或手机号后四位不正确，请核对后重新输入。", HttpStatus.OK);
			});
		});
	}

	/**
	 * @param wechat the token of a WeChat binding, in the links of WeChat pushes: the page then offers to stop them
	 *               (the notification module's page under /cases/{code}/wechat/unbind answers that link)
	 */
	@GetMapping("/cases/{code}")
	Mono<Rendering> progress(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
			@RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "w", required = false) String wechat) {
		if (!links.isValid(code, key)) {
			return Mono.just(Rendering.redirectTo(links.lookupPath(code)).build());
		}
		String unbindToken = wechat != null && wechat.matches("[A-Za-z0-9_-]{1,64}") ? wechat : null;
		return casework.byReceiptCode(code)
				.map(stored -> progressPage(stored, key, done, Map.of(), unbindToken))
				.switchIfEmpty(Mono.just(Rendering.redirectTo("/cases").build()));
	}

	@PostMapping("/cases/{code}/correction")
	Mono<Rendering> correction(@PathVariable String code, @RequestParam(name = "k", required = false) String key,
			ServerWebExchange exchange) {
		if (!links.isValid(code, key)) {
			return Mono.just(Rendering.redirectTo(links.lookupPath(code)).build());
		}
		return casework.byReceiptCode(code).flatMap(stored -> uploadParts.uploads(exchange)
				.flatMap(uploads -> casework.submitCorrection(stored.file().id(), uploads, Actor.applicant()))
				.map(after -> Rendering.redirectTo(links.progressPath(code) + "&done=correction").build())
				.onErrorResume(CaseInputRejected.class, e -> Mono.just(progressPage(stored, key, null, e.problems(), null)))
				.onErrorResume(CaseRuleViolation.class, e -> Mono.just(progressPage(stored, key, null, Map.of("correction", e.getMessage()), null)))
				.onErrorResume(UploadRefused.class, e -> Mono.just(progressPage(stored, key, null, Map.of("correction", e.message()), null,
						e.getStatusCode()))));
	}

	private Rendering lookupPage(String code, String error, HttpStatus status) {
		return Rendering.view("casework/applicant/lookup").status(status).modelAttribute("catalog", catalog.current())
				.modelAttribute("code", code).modelAttribute("error", error).build();
	}

	private Rendering progressPage(StoredCase stored, String key, String done, Map<String, String> problems, String unbindToken) {
		return progressPage(stored, key, done, problems, unbindToken, HttpStatus.OK);
	}

	private Rendering progressPage(StoredCase stored, String key, String done, Map<String, String> problems, String unbindToken,
			HttpStatusCode status) {
		var current = catalog.current();
		var today = casework.today();
		Map<String, String> items = current.guides().stream().collect(java.util.stream.Collectors.toMap(Guide::code, Guide::name));
		return Rendering.view("casework/applicant/progress").status(status)
				.modelAttribute("catalog", current)
				.modelAttribute("file", stored.file())
				.modelAttribute("applicant", stored.applicant().masked())
				.modelAttribute("key", key)
				.modelAttribute("unbindToken", unbindToken == null ? "" : unbindToken)
				.modelAttribute("done", done)
				.modelAttribute("problems", problems)
				.modelAttribute("correctionKeys", stored.file().latestNotice()
						.map(notice -> notice.items().stream().map(Flag::materialKey).distinct().toList()).orElse(java.util.List.of()))
				.modelAttribute("departments", current.departments().stream()
						.collect(java.util.stream.Collectors.toMap(Department::id, Department::name)))
				.modelAttribute("items", items)
				.modelAttribute("refusals", RefusalsAndRemedies.of(stored.file(), remedies, items, links).orElse(null))
				.modelAttribute("dueOn", stored.file().deadline().map(d -> d.dueDate(casework.calendar())).orElse(null))
				.modelAttribute("daysLeft", stored.file().deadline().map(d -> d.workingDaysLeft(today, casework.calendar())).orElse(null))
				.modelAttribute("reviewDueOn", stored.file().correctionReviewDueOn(casework.calendar()).orElse(null))
				.modelAttribute("schedule", CaseSchedule.of(stored.file(), casework.calendar()))
				.build();
	}
}
