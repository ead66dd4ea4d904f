package cn.onething.casework.web.staff;

import java.util.List;
import java.util.Map;

/**
 * What the case page says about the last action: the message after a saved one, or the problems of a refused one
 * with what was typed. Problems are keyed {@code <form>.<field>}, or {@code <form>} for the form as a whole.
 *
 * @param done the saved action's key in {@link #DONE}, or null
 */
record FormFeedback(Map<String, String> problems, Map<String, List<String>> typed, String done) {

	static final Map<String, String> DONE = Map.ofEntries(
			Map.entry("approved", "已通过，办理结果已记录。"),
			Map.entry("refused", "已作出不予批准的决定。"),
			Map.entry("flagged", "已登记需要补正的材料。本轮各部门审查完后，系统把所有补正内容合并为一份一次性告知发给申请人。"),
			Map.entry("exception", "已登记例外，新增的补正内容已告知申请人。"),
			Map.entry("extended", "办理期限已延长 15 个工作日，延长理由将告知申请人。"),
			Map.entry("suspended", "已中止计时，本环节期限相应顺延，申请人可看到理由和预计结束日期。"),
			Map.entry("resumed", "已登记程序结束，本环节自次日起恢复计时。"),
			Map.entry("tolerant", "已容缺受理，申请人须在承诺期限内补齐材料。"),
			Map.entry("correction", "已代收补正材料，相关部门将重新审查。"),
			Map.entry("prereviewed", "预审结果已记录；需要补正的内容将并入本件唯一的一次性告知。"),
			Map.entry("notaccepted", "已作出不予受理决定，申请人可在办理进度页下载不予受理通知书。"));

	FormFeedback {
		problems = Map.copyOf(problems);
		typed = Map.copyOf(typed);
	}

	static FormFeedback none() {
		return new FormFeedback(Map.of(), Map.of(), null);
	}

	static FormFeedback saved(String done) {
		return new FormFeedback(Map.of(), Map.of(), done != null && DONE.containsKey(done) ? done : null);
	}

	/** The whole form refused, e.g. by a rule of the case, with what was typed kept. */
	static FormFeedback refused(String form, String message, Map<String, List<String>> typed) {
		return new FormFeedback(Map.of(form, message), typed, null);
	}

	public String doneMessage() {
		return done == null ? null : DONE.get(done);
	}

	public String value(String form, String field) {
		List<String> values = typed.get(form + "." + field);
		return values == null || values.isEmpty() ? "" : values.get(0);
	}

	public boolean checked(String form, String field, String value) {
		List<String> values = typed.get(form + "." + field);
		return values != null && values.contains(value);
	}

	public String problem(String form, String field) {
		return problems.get(form + "." + field);
	}

	public String problem(String form) {
		return problems.get(form);
	}

	/** Every problem's message, for the summary at the top of the page. */
	public List<String> messages() {
		return problems.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
	}
}
