package cn.onething.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.onething.catalog.internal.SearchIndex;

/**
 * The current life events as one value. {@code version} changes whenever they do: pages that show them are kept
 * and answered 304 per catalogue version and this version together.
 */
public record LifeEvents(long version, List<LifeEvent> events) {

	public static final LifeEvents NONE = new LifeEvents(0, List.of());

	public LifeEvents {
		events = List.copyOf(events);
	}

	/**
	 * The life events whose name or an alias contains every word of the query (出生 finds 新生儿出生一件事), or whose
	 * alias the query contains (办理宝宝出生 finds it by 宝宝出生), normalised as the guide search normalises.
	 */
	public List<LifeEvent> matching(String query) {
		List<String> terms = Arrays.stream(SearchIndex.normalise(query == null ? "" : query).split("\\s+"))
				.filter(term -> !term.isEmpty()).toList();
		if (terms.isEmpty()) {
			return List.of();
		}
		return events.stream().filter(event -> terms.stream().allMatch(term -> matches(event, term))).toList();
	}

	/** The first life event that includes the item, for the guide page's link and its 立即办理. */
	public Optional<LifeEvent> including(String itemCode) {
		return events.stream().filter(event -> event.itemCodes().contains(itemCode)).findFirst();
	}

	private static boolean matches(LifeEvent event, String term) {
		return SearchIndex.normalise(event.name()).contains(term) || event.aliases().stream().map(SearchIndex::normalise)
				.anyMatch(alias -> alias.contains(term) || alias.length() >= 2 && term.contains(alias));
	}
}
