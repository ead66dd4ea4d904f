package cn.onething.catalog;

import java.util.List;

import cn.onething.catalog.guidefiles.Problem;

/**
 * The outcome of importing a guides folder: all of it (with counts) or nothing (with every problem).
 * {@code importId} is null when nothing was written, because the folder was unchanged or invalid.
 */
public record ImportResult(Outcome outcome, Long importId, int added, int changed, int withdrawn,
		List<Problem> problems) {

	public enum Outcome {
		IMPORTED, UNCHANGED, REJECTED
	}

	public static ImportResult rejected(List<Problem> problems) {
		return new ImportResult(Outcome.REJECTED, null, 0, 0, 0, problems);
	}

	public static ImportResult unchanged() {
		return new ImportResult(Outcome.UNCHANGED, null, 0, 0, 0, List.of());
	}
}
