package cn.onething.casework.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onething.casework.CaseLinks;
import cn.onething.casework.Remedies;
import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.NonAcceptance;
import cn.onething.casework.model.StepEnding;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the applicant is told of a refusal (不予许可) or non-acceptance (不予受理), on the progress page and in the API:
 * each step that did not end granted with its reason, the written decisions to download, and the remedies with the
 * bodies to address (行政许可法 §38 ¶2; docs/legal.md §3.6).
 */
@Schema(description = "不予受理 / 不予许可: each item that did not end granted, its reason, the written decisions and the remedies")
public record RefusalsAndRemedies(
		@Schema(description = "不予受理: null unless the application was turned away before acceptance") NotAccepted notAccepted,
		@Schema(description = "Each step refused, ended by a refusal or by 不予受理, or approved but not granted because the "
				+ "bundle's items end together") List<EndedStep> steps,
		@Schema(description = "Where and within what time the decision can be challenged") Remedy remedies) {

	/** @param decisionUrl the 不予受理通知书 (PDF), signed like the progress link */
	public record NotAccepted(LocalDate decidedOn, String reason,
			@Schema(description = "Where to apply instead; null unless another authority is competent") String referTo,
			String decisionUrl) {
	}

	/**
	 * @param ending REFUSED, ENDED_BY_REFUSAL, NOT_ACCEPTED or APPROVED_NOT_GRANTED
	 * @param causeStepId the refused step that ended this one
	 * @param decisionUrl a refused step's 不予行政许可决定书 (PDF), signed like the progress link; null otherwise
	 */
	public record EndedStep(String stepId, String name, List<Item> items, String ending, String endingLabel, String reason,
			String causeStepId, String decisionUrl) {
	}

	public record Item(String code, String name) {
	}

	public record Remedy(String reviewBody, int reviewWithinDays, String court, int suitWithinMonths, List<String> sentences) {
	}

	/** Empty while nothing was refused or turned away. */
	public static Optional<RefusalsAndRemedies> of(CaseFile file, Remedies remedies, Map<String, String> itemNames, CaseLinks links) {
		List<StepEnding> endings = StepEnding.of(file);
		NonAcceptance decision = file.completion() == null ? null : file.completion().nonAcceptance();
		if (endings.isEmpty() && decision == null) {
			return Optional.empty();
		}
		String code = file.receiptCode();
		return Optional.of(new RefusalsAndRemedies(
				decision == null ? null : new NotAccepted(decision.decidedOn(), decision.reason(), decision.referTo(),
						links.nonAcceptancePdfPath(code)),
				endings.stream().map(ending -> new EndedStep(ending.step().id(), ending.step().plan().name(),
						ending.step().plan().itemCodes().stream().map(item -> new Item(item, itemNames.getOrDefault(item, item))).toList(),
						ending.kind().name(), ending.kind().label(), ending.reason(), ending.causeStepId(),
						ending.kind() == StepEnding.Kind.REFUSED ? links.refusalPdfPath(code, ending.step().id()) : null))
						.toList(),
				new Remedy(remedies.reviewBody(), Remedies.REVIEW_DAYS, remedies.court(), Remedies.SUIT_MONTHS, remedies.sentences())));
	}
}
