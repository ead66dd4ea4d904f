package cn.onething.catalog.guidefiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onething.catalog.model.Guide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped guide, written and read back, is the same guide; the same guide always gives the same bytes. */
class GuideFileWriterTests {

	static final Path SHIPPED = Path.of("guides");

	@TempDir
	Path written;

	@Test
	void everyShippedGuideReadsBackAsItselfWithoutProblems() throws IOException {
		GuideFolder shipped = GuideFolderReader.read(SHIPPED);
		assertThat(shipped.problems()).isEmpty();
		for (String file : List.of("catalog.yaml", "domains.yaml", "departments.yaml")) {
			Files.copy(SHIPPED.resolve(file), written.resolve(file));
		}
		for (GuideFolder.SourcedGuide sourced : shipped.guides()) {
			Path file = written.resolve(sourced.path());
			Files.createDirectories(file.getParent());
			Files.writeString(file, GuideFileWriter.write(sourced.guide()));
		}

		GuideFolder readBack = GuideFolderReader.read(written);

		assertThat(readBack.problems()).isEmpty();
		assertThat(byCode(readBack)).isEqualTo(byCode(shipped)).hasSize(shipped.guides().size());
		for (GuideFolder.SourcedGuide again : readBack.guides()) {
			assertThat(GuideFileWriter.write(again.guide())).isEqualTo(Files.readString(written.resolve(again.path())));
		}
	}

	/** A file with a block of conditions, materials with conditions and samples, special procedures and FAQ. */
	@Test
	void aGuideInTheShippedStyleIsWrittenByteForByte() throws IOException {
		GuideFolder shipped = GuideFolderReader.read(SHIPPED);
		String path = "affordable-housing/public-rental-housing-application.yaml";
		Guide guide = shipped.guides().stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow().guide();

		assertThat(GuideFileWriter.write(guide)).isEqualTo(Files.readString(SHIPPED.resolve(path)));
	}

	@Test
	void textThatYamlWouldReadOtherwiseIsQuoted() {
		GuideFolder shipped = GuideFolderReader.read(SHIPPED);
		Guide birth = shipped.guides().get(0).guide();
		Guide odd = new Guide(birth.code(), "出生登记: 新生儿 #1", List.of("true", "a, b", "[x]"), birth.type(),
				birth.domainId(), birth.department(), birth.serviceObjects(), birth.useLevel(), birth.legalBasis(),
				"第一行\n  缩进的第二行", birth.materials(), birth.process(), birth.timeLimit(), birth.specialProcedures(),
				birth.visits(), "2025", birth.fees(), birth.windows(), "\"引号\" 和 \\ 反斜杠", birth.complaint(),
				birth.faq(), birth.onlineUrl(), birth.effectiveDate(), birth.disclosure());

		String text = GuideFileWriter.write(odd);

		assertThat(text).contains("    phone: \"0771-", "name: \"出生登记: 新生儿 #1\"", "aliases: [\"true\", \"a, b\", \"[x]\"]",
				"visitsNote: \"2025\"", "conditions: \"第一行\\n  缩进的第二行\"", "contact: \"\\\"引号\\\" 和 \\\\ 反斜杠\"");
	}

	private static Map<String, Guide> byCode(GuideFolder folder) {
		return folder.guides().stream().map(GuideFolder.SourcedGuide::guide)
				.collect(Collectors.toMap(Guide::code, Function.identity()));
	}
}
