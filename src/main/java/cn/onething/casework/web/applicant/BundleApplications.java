package cn.onething.casework.web.applicant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.casework.BundleFiling;
import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.IdempotencyKey;
import cn.onething.casework.IdempotencyKeyReused;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.casework.web.SubmissionKeys;
import cn.onething.casework.web.UploadParts;
import cn.onething.casework.web.UploadRefused;
import cn.onething.catalog.Catalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * An applicant files a one-thing bundle from the combined form (一张表单): the server checks every field (the page's
 * own checks are a convenience), files the case and sends the applicant to the signed progress page, which doubles
 * as the receipt. The form carries a one-time key from when it was rendered: a second tap on a slow phone, or back
 * and submit again, lands on the same receipt instead of filing twice.
 */
@Controller
class BundleApplications {

	private final Bundles bundles;
	private final BundleFiling filing;
	private final CaseLinks links;
	private final Catalog catalog;
	private final UploadParts uploadParts;

	BundleApplications(Bundles bundles, BundleFiling filing, CaseLinks links, Catalog catalog, UploadParts uploadParts) {
		this.bundles = bundles;
		this.filing = filing;
		this.links = links;
		this.catalog = catalog;
		this.uploadParts = uploadParts;
	}

	/**
	 * The page's form is multipart (material files); a plain urlencoded post of the fields alone is read too. Files
	 * over the upload limits get the problems page, whose back link keeps what was typed.
	 */
	@PostMapping("/bundles/{id}/applications")
	Mono<Rendering> apply(@PathVariable String id, ServerWebExchange exchange) {
		Bundle bundle = bundles.bundle(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个一件事"));
		return Mono.zip(exchange.getFormData(), exchange.getMultipartData()).flatMap(body -> {
			Map<String, String> values = new LinkedHashMap<>();
			body.getT1().forEach((key, list) -> values.put(key, list.isEmpty() || list.get(0) == null ? "" : list.get(0).strip()));
			values.putAll(UploadParts.fields(body.getT2()));
			return uploadParts.uploads(body.getT2()).flatMap(uploads -> file(bundle, values, uploads));
		}).onErrorResume(UploadRefused.class, refused -> Mono.just(page(bundle, "casework/applicant/form-problems")
				.status(refused.getStatusCode()).modelAttribute("problems", Map.of("材料文件", refused.message())).build()));
	}

	private Mono<Rendering> file(Bundle bundle, Map<String, String> values, List<Upload> uploads) {
		return filing.file(bundle, values, uploads, Actor.applicant(), SubmissionKeys.of(IdempotencyKey.FORM, values))
					.map(submission -> Rendering.redirectTo(links.progressPath(submission.stored().file().receiptCode())
							+ "&done=submitted").build())
					.onErrorResume(CaseInputRejected.class, rejected -> Mono.just(problemsPage(bundle, rejected.problems())))
					.onErrorResume(IdempotencyKeyReused.class, reused -> Mono.just(page(bundle, "casework/applicant/form-resubmitted")
							.status(HttpStatus.CONFLICT).build()));
	}

	private Rendering problemsPage(Bundle bundle, Map<String, String> problems) {
		Map<String, String> labelled = new LinkedHashMap<>();
		problems.forEach((key, message) -> labelled.put(BundleFiling.label(bundle, key), message));
		return page(bundle, "casework/applicant/form-problems").status(HttpStatus.UNPROCESSABLE_CONTENT)
				.modelAttribute("problems", labelled).build();
	}

	private Rendering.Builder<?> page(Bundle bundle, String view) {
		return Rendering.view(view).modelAttribute("catalog", catalog.current()).modelAttribute("bundle", bundle);
	}
}
