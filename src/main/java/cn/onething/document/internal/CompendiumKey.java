package cn.onething.document.internal;

import cn.onething.document.Compendium;
import cn.onething.document.CompendiumSelection;

/**
 * What a printed book is kept by: the catalogue and bundle imports it was printed from, and its selection. A new
 * import of either makes a new book, since the one-thing pages print the bundles and the guides print the catalogue.
 */
public record CompendiumKey(long catalogVersion, long bundlesVersion, CompendiumSelection selection) {

	public static CompendiumKey of(Compendium compendium) {
		return new CompendiumKey(compendium.catalogVersion(), compendium.bundlesVersion(), compendium.selection());
	}

	/** The selection as the table stores it: {@code WHOLE}, {@code DOMAIN:household-registration}. */
	String selectionColumn() {
		return selection.id() == null ? selection.scope().name() : selection.scope().name() + ":" + selection.id();
	}
}
