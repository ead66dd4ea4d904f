package cn.onething.rating.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.onething.casework.model.CaseFile;
import cn.onething.casework.model.CaseStatus;
import cn.onething.casework.model.StepPlan;

/**
 * One applicant's rating of one completed case (好差评, 一事一评), with the fields national platforms exchange: the case
 * and its receipt code, the items and departments it concerned, the channel, the level, when, the indicators and the
 * applicant's words.
 */
public record Rating(UUID id, String caseId, String receiptCode, String bundleId, List<String> itemCodes,
		List<String> departmentIds, Channel channel, Level level, List<Indicator> indicators, String comment, Instant ratedAt) {

	public Rating {
		itemCodes = List.copyOf(itemCodes);
		departmentIds = List.copyOf(departmentIds);
		indicators = List.copyOf(indicators);
	}

	/**
	 * The rating of a case, by the rules: only once the case is completed (办结), and once (一事一评).
	 *
	 * @param ratedBefore whether the case has a rating already
	 * @throws RatingRefused with the reason the applicant reads
	 */
	public static Rating give(CaseFile file, boolean ratedBefore, RatingAnswers answers, Channel channel, Instant now) {
		if (file.status() != CaseStatus.COMPLETED) {
			throw new RatingRefused("本件尚未办结，办结后才能评价。");
		}
		if (ratedBefore) {
			throw new RatingRefused("本件已经评价过了，每件只能评价一次。");
		}
		List<StepPlan> plan = file.terms().plan();
		return new Rating(UUID.randomUUID(), file.id(), file.receiptCode(), file.terms().bundleId(),
				plan.stream().flatMap(step -> step.itemCodes().stream()).distinct().toList(),
				plan.stream().map(StepPlan::departmentId).distinct().toList(),
				channel, answers.level(), answers.indicators(), answers.comment(), now);
	}
}
