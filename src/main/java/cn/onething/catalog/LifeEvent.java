package cn.onething.catalog;

import java.util.List;

/**
 * A life event (一件事) as the catalogue's pages show it: several of its items applied for at once. The bundle
 * module knows them; the catalogue may not depend on it, so it hands them over as these values.
 *
 * @param page the address of the life event's page
 * @param form the address of its one form, where 立即办理 leads
 */
public record LifeEvent(String name, List<String> aliases, List<String> itemCodes, String page, String form) {

	public LifeEvent {
		aliases = List.copyOf(aliases);
		itemCodes = List.copyOf(itemCodes);
	}
}
