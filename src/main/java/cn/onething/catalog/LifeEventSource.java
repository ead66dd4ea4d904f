package cn.onething.catalog;

/**
 * Supplies the current life events to the catalogue's pages (search, home, guides). Implemented by the module that
 * owns them, which depends on the catalogue, not the other way round.
 */
public interface LifeEventSource {

	LifeEvents current();
}
