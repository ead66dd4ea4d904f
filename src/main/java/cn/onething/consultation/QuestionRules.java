package cn.onething.consultation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What a question and an answer must be: named fields, each problem in Chinese. Plain Java. */
public final class QuestionRules {

	static final int MAX_TEXT = 500;
	/** A mainland mobile, or a landline with its area code (0771-7522345). */
	private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");

	private QuestionRules() {
	}

	public static Map<String, String> questionProblems(String question, String phone) {
		Map<String, String> problems = new LinkedHashMap<>();
		text(question, "question", "问题", problems);
		if (phone == null || phone.isBlank()) {
			problems.put("phone", "请留下联系电话，以便答复您");
		}
		else if (!PHONE.matcher(phone.strip()).matches()) {
			problems.put("phone", "联系电话应为11位手机号码，或带区号的固定电话（如0771-7522345）");
		}
		return problems;
	}

	public static Map<String, String> answerProblems(String answer) {
		Map<String, String> problems = new LinkedHashMap<>();
		text(answer, "answer", "答复", problems);
		return problems;
	}

	private static void text(String text, String field, String label, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			problems.put(field, label + "必填");
		}
		else if (text.strip().length() > MAX_TEXT) {
			problems.put(field, label + "不得超过" + MAX_TEXT + "字");
		}
	}
}
