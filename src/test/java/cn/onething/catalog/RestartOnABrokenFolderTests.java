package cn.onething.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cn.onething.catalog.mistakes.Mistake;
import cn.onething.catalog.mistakes.Mistakes;
import cn.onething.deploy.Replica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pod restarted after an editor broke a guide file (the import at start-up is the one nobody watches): it starts,
 * reports itself ready, serves the catalogue the previous pod imported, and its health says the import was refused.
 */
class RestartOnABrokenFolderTests {

	static final long SEED = 12;

	@TempDir
	Path temp;

	private ConfigurableApplicationContext replica;

	@AfterEach
	void stop() {
		if (replica != null) {
			replica.close();
		}
	}

	@Test
	void aReplicaStartedOnABrokenFolderIsReadyAndServesTheLastGoodCatalogue() {
		GuideFolderFixture guides = GuideFolderFixture.copyInto(temp.resolve("guides"));
		Map<String, String> settings = Replica.onFreshDatabase();
		settings.put("onething.catalog.guides-dir", guides.root().toString());
		settings.put("onething.catalog.import-on-startup", "true");
		CatalogSnapshot lastGood = startAndLoad(settings).current();
		replica.close();
		Mistake mistake = new Mistakes(SEED, GuideFolderFixture.copyInto(temp.resolve("valid"))).next();
		mistake.applyTo(guides);

		Catalog restarted = startAndLoad(settings);

		assertThat(restarted.lastImport().outcome()).as(mistake.toString()).isEqualTo(ImportResult.Outcome.REJECTED);
		assertThat(mistake.isReportedIn(restarted.lastImport().problems())).as("%s; reported %s", mistake,
				restarted.lastImport().problems()).isTrue();
		assertThat(restarted.current().importId()).isEqualTo(lastGood.importId()).isPositive();
		assertThat(restarted.current().guides()).isEqualTo(lastGood.guides());
		var health = replica.getBean("catalogHealthIndicator", HealthIndicator.class).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("lastImport")).asString().startsWith("rejected");
	}

	/** Starts a replica and waits until its catalogue is loaded, which it does after start-up, off the main thread. */
	private Catalog startAndLoad(Map<String, String> settings) {
		replica = Replica.start(settings);
		Catalog catalog = replica.getBean(Catalog.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> catalog.isLoaded() && catalog.lastImport() != null);
		return catalog;
	}
}
