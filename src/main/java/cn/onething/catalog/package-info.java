/**
 * The service-guide catalogue: items, guides, the 26 pilot domains, the disclosure catalogue and its versioned
 * open-data packages, import and validation of guides/, versions and search. Other modules use
 * {@link cn.onething.catalog.Catalog} and the records in {@code model}; {@code guidefiles}, {@code internal},
 * {@code opendata} and {@code web} are private to the module.
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = { "shared", "shared :: yaml" })
package cn.onething.catalog;

import org.springframework.modulith.ApplicationModule;
