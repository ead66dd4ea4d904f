package cn.onething.village;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The township's supervision of its committees' quarterly matters (村级财务 every quarter): a matter is overdue
 * once the quarter's due day has passed without an entry starting in the quarter. Plain Java.
 */
public final class Supervision {

	private Supervision() {
	}

	/**
	 * @param latestStarts the start of the latest entry per committee and item, keyed by {@link #key}
	 */
	public static List<Overdue> overdue(Township township, List<DisclosureItem> items, Map<String, LocalDate> latestStarts,
			LocalDate today) {
		LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
		List<Overdue> overdue = new ArrayList<>();
		for (Committee committee : township.committees()) {
			for (DisclosureItem item : items) {
				if (!item.quarterly()) {
					continue;
				}
				LocalDate dueOn = quarterStart.plusDays(item.quarterlyDueDay() - 1L);
				LocalDate last = latestStarts.get(key(committee.id(), item.id()));
				if (today.isAfter(dueOn) && (last == null || last.isBefore(quarterStart))) {
					overdue.add(new Overdue(committee, item, dueOn, last));
				}
			}
		}
		return overdue;
	}

	public static String key(String committeeId, String itemId) {
		return committeeId + "/" + itemId;
	}
}
