package cn.onething.shared.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a read instead of stopping at the first, so an editor fixes them all in one go. */
public final class Problems {

	private final List<Problem> found = new ArrayList<>();

	public void add(String path, int line, String field, String message) {
		found.add(new Problem(path, line, field, message));
	}

	public void addAll(Problems others) {
		found.addAll(others.found);
	}

	public boolean isEmpty() {
		return found.isEmpty();
	}

	public List<Problem> sorted() {
		return found.stream()
				.sorted(Comparator.comparing(Problem::path).thenComparingInt(Problem::line).thenComparing(Problem::field))
				.toList();
	}
}
