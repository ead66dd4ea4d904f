package cn.onething.casework.web.api;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * An application as a system sends it: which bundle, and the answers to its combined form under the form's keys.
 * Answers may be JSON strings, numbers or booleans (true/false for yes/no fields); null counts as not answered.
 */
@Schema(description = "An application: the bundle and the answers to its combined form",
		example = """
				{"bundle": "newborn", "form": {"applicant.name": "张三", "applicant.idNumber": "11010519491231002X",
				 "applicant.phone": "13812345678", "applicant.relation": "父亲", "child.name": "张小宝", "child.sex": "男",
				 "child.birthDate": "2026-01-05", "child.birthPlace": "扶绥县人民医院", "mother.name": "李四",
				 "mother.idNumber": "11010519491231002X", "parents.married": false, "household.address": "扶绥县新宁镇",
				 "insurance.payNow": true, "card.delivery": "到窗口领取"}}""")
record ApplicationRequest(
		@Schema(description = "The bundle's id (GET /api/bundles)", example = "newborn") String bundle,
		@Schema(description = "Answers by field key, as in GET /api/bundles/{id}/form-schema") Map<String, JsonNode> form) {
}
