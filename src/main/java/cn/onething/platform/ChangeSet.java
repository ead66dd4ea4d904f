package cn.onething.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onething.catalog.model.Guide;

/**
 * A proposed catalogue against the current one (docs/platform.md §3): new guides, changed guides field by field,
 * withdrawn guides; and, for a platform sync, what of ours was kept that the platform lacks, the conflicts a person
 * should settle, and the payload's fields our guide has no place for.
 */
public record ChangeSet(List<Entry> added, List<Changed> changed, List<Entry> withdrawn, List<Kept> kept,
		List<Conflict> conflicts, List<String> unmapped) {

	public record Entry(String code, String name) {
	}

	public record Changed(String code, String name, List<GuideDiff.FieldChange> fields) {
	}

	/** Our own content kept because the platform has none: e.g. 常见问题, 别名. */
	public record Kept(String code, String name, String field, String ours) {
	}

	/** Both sides have a value and they differ; ours is kept until a person settles it. */
	public record Conflict(String code, String name, String field, String ours, String platform) {
	}

	public static ChangeSet between(List<Guide> current, List<Guide> proposed) {
		return between(current, proposed, List.of(), List.of(), List.of());
	}

	public static ChangeSet between(List<Guide> current, List<Guide> proposed, List<Kept> kept, List<Conflict> conflicts,
			List<String> unmapped) {
		Map<String, Guide> before = current.stream().collect(Collectors.toMap(Guide::code, Function.identity()));
		Set<String> after = proposed.stream().map(Guide::code).collect(Collectors.toSet());
		List<Entry> added = new ArrayList<>();
		List<Changed> changed = new ArrayList<>();
		for (Guide guide : proposed.stream().sorted(Comparator.comparing(Guide::code)).toList()) {
			Guide was = before.get(guide.code());
			if (was == null) {
				added.add(new Entry(guide.code(), guide.name()));
			}
			else if (!was.equals(guide)) {
				changed.add(new Changed(guide.code(), guide.name(), GuideDiff.between(was, guide)));
			}
		}
		List<Entry> withdrawn = current.stream().filter(g -> !after.contains(g.code())).sorted(Comparator.comparing(Guide::code))
				.map(g -> new Entry(g.code(), g.name())).toList();
		return new ChangeSet(added, changed, withdrawn, kept, conflicts, unmapped);
	}

	public boolean isEmpty() {
		return added.isEmpty() && changed.isEmpty() && withdrawn.isEmpty();
	}
}
