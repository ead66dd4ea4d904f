package cn.onething.casework.web.applicant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.Bundles;
import cn.onething.bundle.FormField;
import cn.onething.bundle.MergedMaterial;
import cn.onething.catalog.Catalog;
import cn.onething.casework.Applicant;
import cn.onething.casework.CaseInputRejected;
import cn.onething.casework.CaseLinks;
import cn.onething.casework.Casework;
import cn.onething.casework.CaseworkProperties;
import cn.onething.casework.Upload;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseTerms;
import cn.onething.casework.model.StepPlan;
import cn.onething.casework.web.UploadParts;
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
 * own checks are a convenience), files the case under the bundle and guide versions of today and sends the
 * applicant to the signed progress page, which doubles as the receipt.
 */
@Controller
class BundleApplications {

	static final String NAME = "applicant.name";
	static final String ID_NUMBER = "applicant.idNumber";
	static final String PHONE = "applicant.phone";

	private final Bundles bundles;
	private final Casework casework;
	private final CaseLinks links;
	private final Catalog catalog;
	private final CaseworkProperties properties;

	BundleApplications(Bundles bundles, Casework casework, CaseLinks links, Catalog catalog, CaseworkProperties properties) {
		this.bundles = bundles;
		this.casework = casework;
		this.links = links;
		this.catalog = catalog;
		this.properties = properties;
	}

	/** The page's form is multipart (material files); a plain urlencoded post of the fields alone is read too. */
	@PostMapping("/bundles/{id}/applications")
	Mono<Rendering> apply(@PathVariable String id, ServerWebExchange exchange) {
		Bundle bundle = bundles.bundle(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个一件事"));
		return Mono.zip(exchange.getFormData(), exchange.getMultipartData()).flatMap(body -> {
			Map<String, String> values = new LinkedHashMap<>();
			body.getT1().forEach((key, list) -> values.put(key, list.isEmpty() || list.get(0) == null ? "" : list.get(0).strip()));
			values.putAll(UploadParts.fields(body.getT2()));
			return UploadParts.uploads(body.getT2()).flatMap(uploads -> fileCase(bundle, values, uploads));
		});
	}

	private Mono<Rendering> fileCase(Bundle bundle, Map<String, String> values, List<Upload> uploads) {
		Map<String, String> problems = new LinkedHashMap<>(bundle.form().validate(values));
		for (String key : new String[] { NAME, ID_NUMBER, PHONE }) {
			if (values.getOrDefault(key, "").isEmpty() && !problems.containsKey(key)) {
				problems.put(key, "请填写申请人的姓名、身份证号码和手机号码，以便查询进度和接收通知");
			}
		}
		if (!problems.isEmpty()) {
			return Mono.just(errorPage(bundle, problems));
		}
		Applicant applicant = new Applicant(values.get(NAME), values.get(ID_NUMBER), values.get(PHONE));
		return casework.submit(terms(bundle), applicant, values,
				bundle.items().stream().collect(Collectors.toMap(BundleItem::code, BundleItem::guideVersion)),
				uploads, Actor.applicant())
				.map(stored -> Rendering.redirectTo(links.progressPath(stored.file().receiptCode()) + "&done=submitted").build())
				.onErrorResume(CaseInputRejected.class, rejected -> Mono.just(errorPage(bundle, rejected.problems())));
	}

	/**
	 * The case keeps the plan as filed. Materials asked only in some situations (视情形) count as secondary and
	 * may be accepted tolerantly (容缺受理) on a signed promise; required ones may not.
	 */
	private CaseTerms terms(Bundle bundle) {
		return new CaseTerms(bundle.id(), bundle.name(), bundle.version(),
				bundle.plan().steps().stream()
						.map(s -> new StepPlan(s.id(), s.name(), s.departmentId(), s.itemCodes(), s.dependsOn())).toList(),
				bundle.committedLimit(), bundle.partialOutcomes(),
				bundle.materials().stream().collect(Collectors.toMap(MergedMaterial::key, MergedMaterial::name, (a, b) -> a, LinkedHashMap::new)),
				bundle.materials().stream().filter(m -> !m.required()).map(MergedMaterial::key).collect(Collectors.toSet()),
				catalog.current().hall().regionCode(), properties.correctionWorkingDays());
	}

	private Rendering errorPage(Bundle bundle, Map<String, String> problems) {
		Map<String, String> labelled = new LinkedHashMap<>();
		problems.forEach((key, message) -> labelled.put(label(bundle, key), message));
		return Rendering.view("casework/applicant/form-problems").status(HttpStatus.UNPROCESSABLE_CONTENT)
				.modelAttribute("catalog", catalog.current()).modelAttribute("bundle", bundle)
				.modelAttribute("problems", labelled).build();
	}

	/** A form field by its question, a material file by the material's name. */
	private static String label(Bundle bundle, String key) {
		if (key.startsWith(UploadParts.MATERIAL_PREFIX)) {
			String material = key.substring(UploadParts.MATERIAL_PREFIX.length());
			return bundle.materials().stream().filter(m -> m.key().equals(material)).map(MergedMaterial::name).findFirst().orElse(material);
		}
		return bundle.form().field(key).map(FormField::label).orElse(key);
	}
}
