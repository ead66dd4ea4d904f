package cn.onething.catalog;

import java.util.List;

import cn.onething.shared.yaml.Problem;

/**
 * The outcome of importing a guides folder: all of it (with counts) or nothing (with every problem).
 * {@code importId} is null when nothing was published, because the folder was unchanged, invalid or drafted.
 */
public record ImportResult(Outcome outcome, Long importId, int added, int changed, int withdrawn,
		List<Problem> problems) {

	public enum Outcome {
		IMPORTED, UNCHANGED, REJECTED,
		/** Valid, and waiting as a draft for review before publication (docs/platform.md §3). */
		DRAFTED
	}

	public static ImportResult rejected(List<Problem> problems) {
		return new ImportResult(Outcome.REJECTED, null, 0, 0, 0, problems);
	}

	public static ImportResult drafted() {
		return new ImportResult(Outcome.DRAFTED, null, 0, 0, 0, List.of());
	}

	public static ImportResult unchanged() {
		return new ImportResult(Outcome.UNCHANGED, null, 0, 0, 0, List.of());
	}
}
