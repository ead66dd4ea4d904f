package cn.onething.rating.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onething.rating.internal.RatingStore;
import cn.onething.rating.model.Level;

/**
 * Ratings per level for each department or item, with the satisfaction rate (非常满意, 满意 and 基本满意 over all
 * ratings, docs/rating.md §4), the most rated first.
 */
public record SatisfactionTable(String id, String column, List<Row> rows) {

	/** One department or item. */
	public record Row(String key, String name, Map<Level, Long> counts, long total) {

		public long count(Level level) {
			return counts.getOrDefault(level, 0L);
		}

		/** In percent with one decimal, as 好差评 reports show it. */
		public String satisfactionRate() {
			long satisfied = counts.entrySet().stream().filter(entry -> entry.getKey().satisfied()).mapToLong(Map.Entry::getValue).sum();
			return String.format("%.1f%%", 100.0 * satisfied / total);
		}
	}

	/**
	 * @param id     the section's id on the page
	 * @param column what a row is (部门, 事项)
	 */
	static SatisfactionTable of(String id, String column, List<RatingStore.LevelCount> counts, Map<String, String> names) {
		Map<String, Map<Level, Long>> byKey = new LinkedHashMap<>();
		counts.forEach(count -> byKey.computeIfAbsent(count.key(), key -> new EnumMap<>(Level.class)).merge(count.level(), count.count(), Long::sum));
		return new SatisfactionTable(id, column, byKey.entrySet().stream()
				.map(entry -> new Row(entry.getKey(), names.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue(),
						entry.getValue().values().stream().mapToLong(Long::longValue).sum()))
				.sorted(Comparator.comparingLong(Row::total).reversed().thenComparing(Row::key))
				.toList());
	}
}
