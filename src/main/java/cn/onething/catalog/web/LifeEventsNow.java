package cn.onething.catalog.web;

import cn.onething.catalog.CatalogSnapshot;
import cn.onething.catalog.LifeEventSource;
import cn.onething.catalog.LifeEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The life events the catalogue's pages show, from whichever module supplies them (none: a catalogue without
 * bundles), and the version of what those pages are made of.
 */
@Component
class LifeEventsNow {

	private final ObjectProvider<LifeEventSource> source;

	LifeEventsNow(ObjectProvider<LifeEventSource> source) {
		this.source = source;
	}

	LifeEvents current() {
		LifeEventSource supplier = source.getIfAvailable();
		return supplier == null ? LifeEvents.NONE : supplier.current();
	}

	/**
	 * A catalogue page is a function of the catalogue version and the life events' version (a guide links to its
	 * bundle, search and home list bundles): a bundle import must change it as a catalogue import does.
	 */
	String contentVersion(CatalogSnapshot catalogue) {
		return catalogue.importId() + "." + current().version();
	}
}
