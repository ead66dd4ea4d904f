package cn.onething.platform.internal;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One service item a report concerns, named as the platform's item interface names it (docs/platform.md §1): the
 * basic code, the implementation code, and the implementing department's unified social credit code.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ReportItem(String catalogCode, String taskCode, String taskName, String deptCode, String deptName) {
}
