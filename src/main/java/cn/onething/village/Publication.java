package cn.onething.village;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An entry that passed every check and may be published as it is: the differences from the county's figures are
 * those the publisher overrode, with the reason.
 */
public record Publication(Committee committee, DisclosureItem item, String title, String content, LocalDate startsOn,
		LocalDate endsOn, String objectionChannel, Map<SharedElement, String> figures, List<String> recipients,
		List<Difference> differences, String overrideReason) {

	public Publication {
		figures = Map.copyOf(figures);
		recipients = List.copyOf(recipients);
		differences = List.copyOf(differences);
	}
}
