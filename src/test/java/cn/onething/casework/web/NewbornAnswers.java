package cn.onething.casework.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.onething.bundle.Bundle;
import cn.onething.bundle.FormField;

/** Answers that satisfy every field's rule of a bundle's combined form, as a form page would post them. */
public final class NewbornAnswers {

	/** A valid resident ID number (GB 11643 check digit X). */
	public static final String ID_NUMBER = "11010519491231002X";
	public static final String PHONE = "13812345678";

	private NewbornAnswers() {
	}

	public static Map<String, String> valid(Bundle bundle) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (FormField field : bundle.form().fields()) {
			answers.put(field.key(), switch (field.rule().type().code()) {
				case "idNumber" -> ID_NUMBER;
				case "mobile" -> PHONE;
				case "date" -> "2026-01-05";
				case "number" -> field.rule().min() == null ? "1" : String.valueOf(field.rule().min());
				case "choice" -> field.rule().options().get(0);
				case "boolean" -> "false";
				default -> "张三";
			});
		}
		return answers;
	}
}
