package cn.onething.catalog.guidefiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a read instead of stopping at the first, so an editor fixes them all in one go. */
final class Problems {

	private final List<Problem> found = new ArrayList<>();

	void add(String path, int line, String field, String message) {
		found.add(new Problem(path, line, field, message));
	}

	boolean isEmpty() {
		return found.isEmpty();
	}

	List<Problem> sorted() {
		return found.stream()
				.sorted(Comparator.comparing(Problem::path).thenComparingInt(Problem::line).thenComparing(Problem::field))
				.toList();
	}
}
