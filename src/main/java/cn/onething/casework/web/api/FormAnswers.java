package cn.onething.casework.web.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import cn.onething.bundle.Bundle;
import tools.jackson.databind.JsonNode;

/**
 * JSON answers as the form's text answers, the shape {@code CombinedForm.validate} checks: strings as they are,
 * numbers in plain notation, booleans as true/false. What cannot be an answer (an object, a list, a key the form does
 * not have, as its JSON schema says with additionalProperties: false) is a problem of that field.
 */
final class FormAnswers {

	private static final int MAX_DIGITS = 40;

	private FormAnswers() {
	}

	/**
	 * Plain notation of a JSON number, refused when it has more digits than any form field could want: 1e400 does
	 * not fit a double, and 1e999999999 written out in full would take a gigabyte.
	 */
	private static Optional<String> plainNumber(JsonNode node) {
		if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.asDouble())) {
			return Optional.empty();
		}
		BigDecimal number = node.asDecimal();
		boolean fits = number.precision() - number.scale() <= MAX_DIGITS && number.scale() <= MAX_DIGITS;
		return fits ? Optional.of(number.toPlainString()) : Optional.empty();
	}

	static Map<String, String> read(Map<String, JsonNode> form, Bundle bundle, Map<String, String> problems) {
		Map<String, String> values = new LinkedHashMap<>();
		if (form == null) {
			return values;
		}
		form.forEach((key, node) -> {
			if (bundle != null && bundle.form().field(key).isEmpty()) {
				problems.put(key, "“" + bundle.name() + "”的申请表没有“" + key + "”这一项");
			}
			else if (node == null || node.isNull()) {
				values.put(key, "");
			}
			else if (node.isString() || node.isBoolean()) {
				values.put(key, node.asString());
			}
			else if (node.isNumber()) {
				plainNumber(node).ifPresentOrElse(plain -> values.put(key, plain),
						() -> problems.put(key, "“" + key + "”的数字超出范围"));
			}
			else {
				problems.put(key, "“" + key + "”的答案应为文字、数字或 true/false");
			}
		});
		return values;
	}
}
