package cn.onething.catalog.internal;

import cn.onething.catalog.Catalog;
import cn.onething.catalog.ImportResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready once the catalogue is loaded, so a new replica gets no traffic before it can answer. A rejected import
 * keeps the replica up (it serves the last good catalogue) and shows the reason in the details.
 */
@Component
class CatalogHealthIndicator implements HealthIndicator {

	private final Catalog catalog;

	CatalogHealthIndicator(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public Health health() {
		if (!catalog.isLoaded()) {
			return Health.outOfService().withDetail("catalog", "loading").build();
		}
		Health.Builder health = Health.up()
				.withDetail("version", catalog.current().importId())
				.withDetail("items", catalog.current().guides().size());
		ImportResult last = catalog.lastImport();
		if (last != null && last.outcome() == ImportResult.Outcome.REJECTED) {
			health.withDetail("lastImport", "rejected with " + last.problems().size() + " problems");
		}
		return health.build();
	}
}
