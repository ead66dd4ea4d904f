package cn.onething.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.onething.deploy.Replica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas on one database with review before publication: a draft made on one is invisible on both, the
 * approval given on the other publishes it on both, and two reviewers approving at once publish it once.
 */
class ReviewAcrossReplicasTests {

	@TempDir
	Path temp;

	private final List<ConfigurableApplicationContext> replicas = new java.util.ArrayList<>();

	@AfterEach
	void stop() {
		replicas.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void anApprovalGivenOnOneReplicaPublishesTheDraftOnBoth() {
		Map<String, String> settings = settings();
		Catalog a = start(settings);
		Catalog b = start(settings);
		a.importGuides("replica a").block();
		long draft = b.drafts().blockFirst().id();
		assertThat(a.current().guides()).isEmpty();
		assertThat(b.reload().block().guides()).isEmpty();

		b.approve(draft, "reviewer-zhang").block();

		assertThat(b.current().guides()).hasSize(2);
		await().atMost(Duration.ofSeconds(30)).until(() -> a.current().importId() == b.current().importId());
		assertThat(a.current().guides()).isEqualTo(b.current().guides());
	}

	@Test
	void twoReviewersApprovingTheSameDraftAtOncePublishItOnce() {
		Map<String, String> settings = settings();
		Catalog a = start(settings);
		Catalog b = start(settings);
		a.importGuides("replica a").block();
		long draft = a.drafts().blockFirst().id();

		List<String> outcomes = Mono.zip(outcome(a.approve(draft, "reviewer-zhang")), outcome(b.approve(draft, "reviewer-li")))
				.map(both -> List.of(both.getT1(), both.getT2())).block();

		assertThat(outcomes).containsExactlyInAnyOrder("PUBLISHED", "not open");
		assertThat(a.reload().block().importId()).isEqualTo(b.reload().block().importId()).isPositive();
	}

	private static Mono<String> outcome(Mono<CatalogDraft> approval) {
		return approval.map(draft -> draft.status().name()).onErrorReturn(DraftNotOpen.class, "not open");
	}

	private Map<String, String> settings() {
		GuideFolderFixture guides = GuideFolderFixture.copyInto(temp.resolve("guides"));
		Map<String, String> settings = Replica.onFreshDatabase();
		settings.put("onething.catalog.guides-dir", guides.root().toString());
		settings.put("onething.catalog.review-before-publication", "true");
		settings.put("onething.catalog.refresh-interval", "500ms");
		return settings;
	}

	private Catalog start(Map<String, String> settings) {
		ConfigurableApplicationContext replica = Replica.start(settings);
		replicas.add(replica);
		Catalog catalog = replica.getBean(Catalog.class);
		await().atMost(Duration.ofSeconds(60)).until(catalog::isLoaded);
		return catalog;
	}
}
