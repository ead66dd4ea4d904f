package cn.onething.catalog;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue shipped in guides/ is valid and covers what the county must publish. */
class ShippedGuidesTests {

	static final GuideFolder SHIPPED = GuideFolderReader.read(Path.of("guides"));

	@Test
	void theShippedGuidesHaveNoProblem() {
		assertThat(SHIPPED.problems()).isEmpty();
	}

	@Test
	void allTwentySixPilotDomainsHaveGuidesAndThereAreAtLeastEighty() {
		Map<String, Long> perDomain = SHIPPED.guides().stream()
				.collect(Collectors.groupingBy(g -> g.guide().domainId(), Collectors.counting()));

		assertThat(SHIPPED.domains()).hasSize(26);
		assertThat(perDomain.keySet()).containsExactlyInAnyOrderElementsOf(SHIPPED.domains().stream().map(d -> d.id()).toList());
		assertThat(SHIPPED.guides()).hasSizeGreaterThanOrEqualTo(80);
	}
}
