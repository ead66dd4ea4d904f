package cn.onething.casework.model;

import java.util.List;
import java.util.Optional;

/**
 * How a step of a case ended when it did not end approved and granted, as the applicant is told it: refused
 * (不予许可) with the department's reason; ended by a refusal, which it names; ended because the application was not
 * accepted (不予受理); or approved but not granted, because the bundle's items end together and another was refused
 * (docs/legal.md §3.6). The remedies of the refusal or the non-acceptance apply to each.
 *
 * @param causeStepId the refused step that ended this one; null for a refusal itself and for 不予受理
 */
public record StepEnding(CaseStep step, Kind kind, String reason, String causeStepId) {

	/** What a step ended before steps recorded why (cases stored before 不予许可 was written) says. */
	static final String REASON_UNRECORDED = "前序环节不予批准，本环节终止";

	public enum Kind {
		REFUSED("不予批准"), ENDED_BY_REFUSAL("已终止"), NOT_ACCEPTED("不予受理"), APPROVED_NOT_GRANTED("审查通过，未能办结");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** The endings of the case's steps, in the plan's order; empty while nothing was refused or turned away. */
	public static List<StepEnding> of(CaseFile file) {
		return file.steps().stream().map(step -> of(file, step)).flatMap(Optional::stream).toList();
	}

	private static Optional<StepEnding> of(CaseFile file, CaseStep step) {
		Completion completion = file.completion();
		if (completion != null && completion.nonAcceptance() != null) {
			return Optional.of(new StepEnding(step, Kind.NOT_ACCEPTED, step.reason(), null));
		}
		return switch (step.state()) {
			case REFUSED -> Optional.of(new StepEnding(step, Kind.REFUSED, step.reason(), null));
			case SKIPPED -> Optional.of(new StepEnding(step, Kind.ENDED_BY_REFUSAL,
					step.reason() == null ? REASON_UNRECORDED : step.reason(), cause(file, step).map(CaseStep::id).orElse(null)));
			case APPROVED -> completion != null && !file.terms().partialOutcomes() && completion.approvedItems().isEmpty()
					? refusedStep(file).map(refused -> new StepEnding(step, Kind.APPROVED_NOT_GRANTED, "已审查通过，但本件各事项须一并办结，因“"
							+ refused.plan().name() + "”不予许可，不予办结", refused.id()))
					: Optional.empty();
			default -> Optional.empty();
		};
	}

	/** The refusal behind a skipped step: a refused step it depends on, directly or not, or else the case's refusal. */
	private static Optional<CaseStep> cause(CaseFile file, CaseStep step) {
		for (String id : step.plan().dependsOn()) {
			CaseStep dependency = file.step(id).orElseThrow();
			if (dependency.state() == StepState.REFUSED) {
				return Optional.of(dependency);
			}
			if (dependency.state() == StepState.SKIPPED) {
				Optional<CaseStep> behind = cause(file, dependency);
				if (behind.isPresent()) {
					return behind;
				}
			}
		}
		return refusedStep(file);
	}

	private static Optional<CaseStep> refusedStep(CaseFile file) {
		return file.steps().stream().filter(s -> s.state() == StepState.REFUSED).findFirst();
	}
}
