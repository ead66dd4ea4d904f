package cn.onething.catalog;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	@Test
	void theValidateCommandAcceptsTheShippedFolder() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exit = ValidateGuides.run("guides", new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("指南目录有效：26 个领域");
	}

	@Test
	void theValidateCommandPrintsPathLineFieldAndMessageAndFails(@TempDir Path folder) {
		GuideFolderFixture.copyInto(folder).replace(GuideFolderFixture.BIRTH, "visits: 1", "visits: -1");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exit = ValidateGuides.run(folder.toString(), new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
				.matches(".*/household-registration/birth-registration\\.yaml:\\d+: visits: 到办事现场次数应为0、1或2");
	}
}
