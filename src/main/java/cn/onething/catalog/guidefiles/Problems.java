package cn.onething.catalog.guidefiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/** Collects every problem of a read instead of stopping at the first, so an editor fixes them all in one go. */
@NamedInterface("guidefiles")
public final class Problems {

	private final List<Problem> found = new ArrayList<>();

	public void add(String path, int line, String field, String message) {
		found.add(new Problem(path, line, field, message));
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
