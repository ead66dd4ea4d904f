package cn.onething.village.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.village.Entry;
import cn.onething.village.Places;
import cn.onething.village.SharedElement;

/**
 * An entry as pages and the screen show it: its matter and committee by name, the period in Chinese dates and, while
 * a 公示 runs, the days left to object.
 */
record EntryView(Entry entry, String matter, String committeeName, String townshipName, boolean publicity,
		String period, String daysLeft, List<String[]> figures) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	static List<EntryView> of(List<Entry> entries, Places places, LocalDate today) {
		return entries.stream().map(entry -> of(entry, places, today)).toList();
	}

	static EntryView of(Entry entry, Places places, LocalDate today) {
		var item = places.item(entry.itemId());
		boolean publicity = item.map(found -> found.publicityDays() > 0).orElse(false);
		long left = entry.daysLeft(today);
		String daysLeft = left == 0 ? "今天截止" : "还剩 " + left + " 天";
		return new EntryView(entry, item.map(found -> found.matter()).orElse(entry.itemId()),
				places.committee(entry.townshipId(), entry.committeeId()).map(c -> c.name()).orElse(entry.committeeId()),
				places.township(entry.townshipId()).map(t -> t.name()).orElse(entry.townshipId()), publicity,
				DATE.format(entry.startsOn()) + " 至 " + DATE.format(entry.endsOn()), daysLeft, figures(entry.figures()));
	}

	private static List<String[]> figures(Map<SharedElement, String> figures) {
		return figures.entrySet().stream().sorted(Map.Entry.comparingByKey())
				.map(figure -> new String[] { figure.getKey().label(), figure.getValue() })
				.collect(Collectors.toList());
	}
}
