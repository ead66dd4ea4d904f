package cn.onething.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.BundleItem;
import cn.onething.bundle.FormField;
import cn.onething.bundle.MergedMaterial;
import cn.onething.bundle.Step;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseTerms;
import cn.onething.casework.model.StepLimit;
import cn.onething.casework.model.StepPlan;
import cn.onething.catalog.Catalog;
import cn.onething.catalog.model.Guide;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Files a one-thing bundle (一件事) from its combined form, the same way for every channel: the applicant's page,
 * the applications API and the window's intake. The server is the authority on the form ({@code
 * CombinedForm.validate}), on the applicant's name, ID number and phone (needed to find the case later) and on the
 * files; the case is filed under the bundle and guide versions of today.
 */
@Service
public class BundleFiling {

	public static final String NAME = "applicant.name";
	public static final String ID_NUMBER = "applicant.idNumber";
	public static final String PHONE = "applicant.phone";

	private final Casework casework;
	private final Catalog catalog;
	private final CaseworkProperties properties;

	BundleFiling(Casework casework, Catalog catalog, CaseworkProperties properties) {
		this.casework = casework;
		this.catalog = catalog;
		this.properties = properties;
	}

	/**
	 * Every reason the application cannot be filed, keyed by form field or {@code material.<key>}, in Chinese that
	 * names the field; empty when it can be.
	 */
	public Map<String, String> problems(Bundle bundle, Map<String, String> values, List<Upload> uploads) {
		Map<String, String> answers = bundle.form().answers(values);
		Map<String, String> problems = new LinkedHashMap<>(bundle.form().validate(answers));
		for (String key : List.of(NAME, ID_NUMBER, PHONE)) {
			if (!answers.containsKey(key) && !problems.containsKey(key) && !answeredByAFieldWithAProblem(bundle, key, values, problems)) {
				problems.put(key, "请填写申请人的姓名、身份证号码和手机号码，以便查询进度和接收通知");
			}
		}
		problems.putAll(casework.uploadProblems(terms(bundle), uploads));
		return problems;
	}

	/**
	 * Files the application, once per idempotency key (null: no key, files every time); {@link CaseInputRejected}
	 * with every problem when it cannot be filed.
	 */
	public Mono<Submission> file(Bundle bundle, Map<String, String> values, List<Upload> uploads, Actor actor,
			IdempotencyKey key) {
		return Mono.defer(() -> {
			Map<String, String> problems = problems(bundle, values, uploads);
			if (!problems.isEmpty()) {
				return Mono.error(new CaseInputRejected(problems));
			}
			Map<String, String> answers = bundle.form().answers(values);
			Applicant applicant = new Applicant(answers.get(NAME), answers.get(ID_NUMBER), answers.get(PHONE));
			return casework.submit(terms(bundle), applicant, answers,
					bundle.items().stream().collect(Collectors.toMap(BundleItem::code, BundleItem::guideVersion)),
					uploads, actor, key);
		});
	}

	/** The applicant's name is the father's when he applies: a missing father's name is told once, by his field. */
	private static boolean answeredByAFieldWithAProblem(Bundle bundle, String key, Map<String, String> values,
			Map<String, String> problems) {
		return bundle.form().field(key).flatMap(field -> bundle.form().answeredBy(field, values))
				.filter(source -> problems.containsKey(source.key())).isPresent();
	}

	/** What a problem's key names, for people: the field's label, or the material's name. */
	public static String label(Bundle bundle, String problemKey) {
		if (problemKey.startsWith(Upload.FIELD_PREFIX)) {
			String material = problemKey.substring(Upload.FIELD_PREFIX.length());
			return bundle.materials().stream().filter(m -> m.key().equals(material)).map(MergedMaterial::name)
					.findFirst().orElse(material);
		}
		return bundle.form().field(problemKey).map(FormField::label).orElse(problemKey);
	}

	/**
	 * The case keeps the plan as filed. Materials asked only in some situations (视情形) count as secondary and
	 * may be accepted tolerantly (容缺受理) on a signed promise; required ones may not.
	 */
	private CaseTerms terms(Bundle bundle) {
		return new CaseTerms(bundle.id(), bundle.name(), bundle.version(),
				bundle.plan().steps().stream()
						.map(s -> new StepPlan(s.id(), s.name(), s.departmentId(), s.itemCodes(), s.dependsOn(), limit(s))).toList(),
				bundle.committedLimit(), bundle.partialOutcomes(),
				bundle.materials().stream().collect(Collectors.toMap(MergedMaterial::key, MergedMaterial::name, (a, b) -> a, LinkedHashMap::new)),
				bundle.materials().stream().filter(m -> !m.required()).map(MergedMaterial::key).collect(Collectors.toSet()),
				catalog.current().hall().regionCode(), properties.correctionWorkingDays(),
				properties.correctionReviewWorkingDays());
	}

	/**
	 * A step's limits are those of its items' guides as published today, the longest of them when it decides several
	 * (docs/legal.md §3.3); null when no guide of its items gives one, and the step is then due with the bundle.
	 */
	private StepLimit limit(Step step) {
		return step.itemCodes().stream().map(code -> catalog.current().guide(code)).flatMap(Optional::stream)
				.map(Guide::timeLimit).filter(Objects::nonNull)
				.filter(limit -> limit.statutory() > 0 || limit.committed() > 0)
				.map(limit -> new StepLimit(limit.statutory(), limit.committed()))
				.reduce(StepLimit::longer).orElse(null);
	}
}
