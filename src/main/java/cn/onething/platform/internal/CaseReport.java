package cn.onething.platform.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * 办件信息: one milestone of a case as the platform's case library takes it (docs/platform.md §5.2). The fields of
 * one state only are present for that state; the applicant's name and ID number leave masked.
 *
 * @param reportId the idempotency key, also sent as the header {@code Idempotency-Key}
 * @param eventSeq the event's place in the case's trail: orders a case's reports whatever order they arrive in
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record CaseReport(String reportId, String reportType, String projId, String receiptCode, int eventSeq, String stateCode,
		String stateName, String eventTime, String projectName, List<ReportItem> items, String applicantType,
		String applicantName, String applicantIdType, String applicantIdNumber, String receiveDate,
		List<String> noticeMaterials, String correctBy, String acceptDate, String acceptBasis, String resultCode,
		String resultName, String finishDate, String reason) {

	static final String TYPE = "CASE";
}
