package cn.onething.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onething.bundle.Bundle;
import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.DisclosureRow;
import cn.onething.catalog.model.Domain;
import cn.onething.catalog.model.Guide;

/**
 * The one-thing bundles (一件事) and the domains and guides one compendium prints, in catalogue order.
 * {@code scopeName} is the domain, department or bundle a partial book is about (printed under the title), null for
 * the whole catalogue.
 */
public record CompendiumContents(String scopeName, List<Bundle> bundles, List<Part> parts) {

	public CompendiumContents {
		bundles = List.copyOf(bundles);
		parts = List.copyOf(parts);
	}

	/** One domain's section of the book. */
	public record Part(Domain domain, List<Guide> guides) {

		public Part {
			guides = List.copyOf(guides);
		}
	}

	public List<Guide> guides() {
		return parts.stream().flatMap(part -> part.guides().stream()).toList();
	}

	/** Whether the guide of that item is printed in this book, so a one-thing page can point to its page. */
	public boolean prints(String itemCode) {
		return guides().stream().anyMatch(guide -> guide.code().equals(itemCode));
	}

	/** The disclosure catalogue rows of the printed guides, numbered from 1 as the appendix prints them. */
	public List<DisclosureRow> disclosureRows(CatalogSnapshot snapshot) {
		Set<String> printed = guides().stream().map(Guide::code).collect(Collectors.toSet());
		List<DisclosureRow> rows = new ArrayList<>();
		for (DisclosureRow row : snapshot.disclosureCatalog()) {
			if (printed.contains(row.code())) {
				rows.add(new DisclosureRow(rows.size() + 1, row.domain(), row.code(), row.itemName(), row.disclosure()));
			}
		}
		return rows;
	}
}
