package cn.onething.catalog;

/**
 * Published each time this replica makes a catalogue current (after an import, at start-up, or when another
 * replica imported). {@code importId} is the catalogue version; 0 means no catalogue has been imported yet.
 * Modules whose content refers to items (bundles) revalidate against it.
 */
public record CatalogLoaded(long importId) {
}
