package cn.onething.village;

import java.util.Map;

/**
 * The county's side of a matter a village also publishes: the catalogue item it belongs to and the figures the
 * county publishes for it, which village entries must repeat.
 *
 * @param itemCode the catalogue item's basic code (基本编码)
 */
public record GovernmentMatter(String itemCode, String itemName, Map<SharedElement, String> figures) {

	public GovernmentMatter {
		figures = Map.copyOf(figures);
	}
}
