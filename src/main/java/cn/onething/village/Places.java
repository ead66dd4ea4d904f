package cn.onething.village;

import java.util.List;
import java.util.Optional;

/** The townships, their committees and the village-level disclosure list, as read from guides/places/. */
public record Places(List<Township> townships, List<DisclosureItem> items) {

	public Places {
		townships = List.copyOf(townships);
		items = List.copyOf(items);
	}

	public static Places none() {
		return new Places(List.of(), List.of());
	}

	public Optional<Township> township(String id) {
		return townships.stream().filter(township -> township.id().equals(id)).findFirst();
	}

	public Optional<Committee> committee(String townshipId, String committeeId) {
		return township(townshipId).flatMap(township -> township.committee(committeeId));
	}

	public Optional<DisclosureItem> item(String id) {
		return items.stream().filter(item -> item.id().equals(id)).findFirst();
	}
}
