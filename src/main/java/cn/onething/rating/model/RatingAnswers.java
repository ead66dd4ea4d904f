package cn.onething.rating.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.shared.TypedText;

/**
 * What the applicant chose and wrote, checked: a level, the indicators the rating concerns, a comment. {@link #read}
 * names every wrong field at once, keyed as the form and the API name them.
 */
public record RatingAnswers(Level level, List<Indicator> indicators, String comment) {

	public static final int COMMENT_MAX = 500;

	public RatingAnswers {
		indicators = List.copyOf(indicators);
	}

	/** The answers, or {@link Rejected} with a Chinese message per wrong field. */
	public static RatingAnswers read(String level, List<String> indicators, String comment) {
		Map<String, String> problems = new LinkedHashMap<>();
		Level chosen = null;
		if (level == null || level.isBlank()) {
			problems.put("level", "请选择满意程度（非常满意、满意、基本满意、不满意或非常不满意）");
		}
		else {
			chosen = Level.ofCode(level.strip()).orElse(null);
			if (chosen == null) {
				problems.put("level", "满意程度只能是非常满意、满意、基本满意、不满意或非常不满意");
			}
		}
		Set<Indicator> ticked = new LinkedHashSet<>();
		for (String code : indicators == null ? List.<String>of() : indicators) {
			Indicator.ofCode(code == null ? "" : code.strip()).ifPresentOrElse(ticked::add,
					() -> problems.put("indicators", "评价指标只能从所列的网上办事和现场服务指标中选择"));
		}
		String text = comment == null ? "" : comment.strip();
		if (text.length() > COMMENT_MAX) {
			problems.put("comment", "意见建议最多 " + COMMENT_MAX + " 个字（现在 " + text.length() + " 个）");
		}
		else {
			TypedText.problem(text).ifPresent(problem -> problems.put("comment", "意见建议" + problem));
		}
		if (chosen != null && chosen.bad() && text.isEmpty() && ticked.isEmpty()) {
			problems.put("comment", "请勾选不满意的方面或写下原因，以便我们核实整改");
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		return new RatingAnswers(chosen, List.copyOf(ticked), text.isEmpty() ? null : text);
	}

	/** Wrong fields, each with its message; nothing was stored. */
	public static class Rejected extends RuntimeException {

		private final Map<String, String> problems;

		public Rejected(Map<String, String> problems) {
			super("rating refused: " + problems.keySet(), null, false, false);
			this.problems = Map.copyOf(problems);
		}

		public Map<String, String> problems() {
			return problems;
		}
	}
}
