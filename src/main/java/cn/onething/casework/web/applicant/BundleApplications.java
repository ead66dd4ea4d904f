package cn.onething.casework.web.applicant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.Bundles;
import cn.onething.casework.BundleFiling;
import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.IdempotencyKey;
import cn.onething.casework.IdempotencyKeyReused;
import cn.onething.casework.Upload;
import cn.onething.casework.internal.DraftUploads;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseContext;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An applicant files a one-thing bundle from the combined form (一张表单): the server checks every field (the page's
 * own checks are a convenience), files the case and sends the applicant to the signed progress page, which doubles
 * as the receipt. The form carries a one-time key from when it was rendered: a second tap on a slow phone, or back
 * and submit again, lands on the same receipt instead of filing twice.
 * <p>
 * A form with problems comes back as the same form, each problem next to its field, every answer in place and every
 * acceptable file kept as a draft of that form ({@link DraftUploads}), so that nothing is typed or chosen twice;
 * this works without JavaScript.
 */
@Controller
class BundleApplications {

	/** A kept file comes back as {@code kept.material.<key>} = its draft's token. */
	static final String KEPT_PREFIX = "kept." + Upload.FIELD_PREFIX;

	private final Bundles bundles;
	private final BundleFiling filing;
	private final CaseLinks links;
	private final Catalog catalog;
	private final UploadParts uploadParts;
	private final DraftUploads drafts;

	BundleApplications(Bundles bundles, BundleFiling filing, CaseLinks links, Catalog catalog, UploadParts uploadParts,
			DraftUploads drafts) {
		this.bundles = bundles;
		this.filing = filing;
		this.links = links;
		this.catalog = catalog;
		this.uploadParts = uploadParts;
		this.drafts = drafts;
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
			return uploadParts.uploads(body.getT2())
					.flatMap(chosen -> keptDrafts(values, chosen).collectList()
							.flatMap(kept -> file(bundle, values, chosen, kept)));
		}).onErrorResume(UploadRefused.class, refused -> Mono.just(page(bundle, "casework/applicant/form-problems")
				.status(refused.getStatusCode()).modelAttribute("problems", Map.of("材料文件", refused.message())).build()));
	}

	/** The files kept from the form's last sending, for the materials no new file was chosen for. */
	private Flux<DraftUploads.Draft> keptDrafts(Map<String, String> values, List<Upload> chosen) {
		String formKey = values.get(SubmissionKeys.FIELD);
		if (SubmissionKeys.of(IdempotencyKey.FORM, values) == null) {
			return Flux.empty();
		}
		Set<String> replaced = chosen.stream().map(Upload::materialKey).collect(Collectors.toSet());
		Map<String, String> tokens = new LinkedHashMap<>();
		values.forEach((key, token) -> {
			if (key.startsWith(KEPT_PREFIX) && !replaced.contains(key.substring(KEPT_PREFIX.length()))) {
				tokens.put(key.substring(KEPT_PREFIX.length()), token);
			}
		});
		return drafts.take(formKey, tokens);
	}

	private Mono<Rendering> file(Bundle bundle, Map<String, String> values, List<Upload> chosen, List<DraftUploads.Draft> kept) {
		List<Upload> uploads = new ArrayList<>(chosen);
		kept.forEach(draft -> uploads.add(draft.upload()));
		IdempotencyKey key = SubmissionKeys.of(IdempotencyKey.FORM, values);
		return filing.file(bundle, values, uploads, Actor.applicant(), key)
				.flatMap(submission -> (key == null ? Mono.<Void>empty() : drafts.forget(key.value()))
						.thenReturn(Rendering.redirectTo(links.progressPath(submission.stored().file().receiptCode())
								+ "&done=submitted").build()))
				.onErrorResume(CaseInputRejected.class, rejected -> formWithProblems(bundle, values, chosen, kept, rejected.problems()))
				.onErrorResume(IdempotencyKeyReused.class, reused -> Mono.just(page(bundle, "casework/applicant/form-resubmitted")
						.status(HttpStatus.CONFLICT).build()));
	}

	/**
	 * The form again, with each problem next to its field and a list of them on top, the answers as sent and the
	 * acceptable files kept (a refused file is asked again, with the reason). A form without a one-time key keeps no
	 * file, as there is no form to tie it to.
	 */
	private Mono<Rendering> formWithProblems(Bundle bundle, Map<String, String> values, List<Upload> chosen,
			List<DraftUploads.Draft> kept, Map<String, String> problems) {
		IdempotencyKey key = SubmissionKeys.of(IdempotencyKey.FORM, values);
		List<Upload> keepable = chosen.stream().filter(upload -> !problems.containsKey(upload.field())).toList();
		Mono<Map<String, DraftUploads.Kept>> keeping = key == null ? Mono.just(Map.of()) : drafts.keep(key.value(), keepable);
		return keeping.map(fresh -> {
			Map<String, DraftUploads.Kept> files = new LinkedHashMap<>();
			kept.stream().filter(draft -> !problems.containsKey(draft.upload().field()))
					.forEach(draft -> files.put(draft.upload().materialKey(), draft.kept()));
			files.putAll(fresh);
			Map<String, String> summary = new LinkedHashMap<>();
			problems.forEach((field, message) -> summary.put(field, field.startsWith(Upload.FIELD_PREFIX)
					? BundleFiling.label(bundle, field) + "：" + message : message));
			return page(bundle, "bundle/applicant/form").status(HttpStatus.UNPROCESSABLE_CONTENT)
					.modelAttribute("labels", bundle.form().labels())
					.modelAttribute("today", LocalDate.now(CaseContext.CHINA).toString())
					.modelAttribute("submissionKey", key == null ? SubmissionKeys.fresh() : key.value())
					.modelAttribute("values", values)
					.modelAttribute("problems", problems)
					.modelAttribute("summary", summary)
					.modelAttribute("kept", files)
					.build();
		});
	}

	private Rendering.Builder<?> page(Bundle bundle, String view) {
		return Rendering.view(view).modelAttribute("catalog", catalog.current()).modelAttribute("bundle", bundle);
	}
}
