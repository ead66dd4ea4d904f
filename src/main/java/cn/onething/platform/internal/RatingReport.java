package cn.onething.platform.internal;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * 好差评 data: one rating of a case as the platform takes it (docs/platform.md §5.3). The applicant's comment stays
 * in the hall: free text may name people, and the supervisors' follow-up works from it here.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RatingReport(String reportId, String reportType, String projId, String receiptCode, List<ReportItem> items,
		String evaluateChannel, String evaluateChannelName, int evaluateLevel, List<String> evaluateIndicators,
		String evaluateTime) {

	static final String TYPE = "RATING";
}
