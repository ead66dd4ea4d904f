package cn.onething.village;

import java.util.Map;

/**
 * An entry as village staff typed it into the console, before any check: dates and lines still as text, so a
 * mistake is told against the field it is in.
 *
 * @param figures the shared elements' values typed, by {@link SharedElement#key()}
 * @param recipients one recipient a line, e.g. {@code 黄*明 2人 每月620元}
 * @param overrideReason why a figure differs from the county's, when it knowingly does
 */
public record EntryDraft(String townshipId, String committeeId, String itemId, String title, String content,
		String startsOn, String endsOn, String objectionChannel, Map<String, String> figures, String recipients,
		String overrideReason) {

	public EntryDraft {
		figures = Map.copyOf(figures);
	}
}
