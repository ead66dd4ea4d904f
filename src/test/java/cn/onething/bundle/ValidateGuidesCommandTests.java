package cn.onething.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import cn.onething.bundle.bundlefiles.BundleFolderReader;
import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.guidefiles.GuideFolder;
import cn.onething.catalog.guidefiles.GuideFolderReader;
import cn.onething.catalog.mistakes.Mistake;
import cn.onething.catalog.mistakes.Mistakes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validate command as an editor runs it (README: {@code ./mvnw -q compile exec:java -Dexec.args=guides}, which
 * runs {@link ValidateGuides} with the project's classpath): here its main class in a JVM of its own, so that the
 * exit code is the real one and no server, database or Spring context is around. It checks the bundles too.
 */
class ValidateGuidesCommandTests {

	/** {@code path:line: field: message}, the way compilers print, so editors jump to the line. */
	static final Pattern PROBLEM_LINE = Pattern.compile("(.+):(\\d+): ([^:]+): (.+)");

	@TempDir
	Path temp;

	@Test
	void theShippedGuidesPassWithExitCodeZeroAndNoProblemPrinted() throws Exception {
		GuideFolder shipped = GuideFolderReader.read(Path.of("guides"));

		Run run = validate("guides");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.lines()).noneMatch(line -> PROBLEM_LINE.matcher(line).matches())
				.containsExactly("指南目录有效：" + shipped.domains().size() + " 个领域，" + shipped.guides().size() + " 个事项，"
						+ BundleFolderReader.read(Path.of("guides"), BundleFixture.shippedCatalogue()).bundles().size() + " 个一件事。");
	}

	@Test
	void aFolderWithMistakesPrintsEachAsPathLineFieldMessageAndExitsWithOne() throws Exception {
		GuideFolderFixture folder = GuideFolderFixture.copyInto(temp.resolve("guides"));
		Mistakes mistakes = new Mistakes(31, GuideFolderFixture.copyInto(temp.resolve("valid")));
		List<Mistake> made = folder.itemFiles().stream().map(mistakes::inItemFile).toList();
		made.forEach(mistake -> mistake.applyTo(folder));

		Run run = validate(folder.root().toString());

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		List<String> problems = run.lines().subList(0, run.lines().size() - 1);
		assertThat(problems).as(run.toString()).allMatch(line -> PROBLEM_LINE.matcher(line).matches());
		for (Mistake mistake : made) {
			String place = folder.root().resolve(mistake.path()) + ":" + mistake.line() + ": " + mistake.field() + ": ";
			assertThat(problems).as("%s in %s", mistake, run).anyMatch(line -> line.startsWith(place));
		}
		assertThat(run.lines().get(run.lines().size() - 1)).isEqualTo(problems.size() + " 个问题，未导入任何内容。");
	}

	@Test
	void aBundleAboveTheJointHandlingCapIsRefusedWithItsFileLineAndField() throws Exception {
		Path guides = temp.resolve("guides");
		GuideFolderFixture.copyFolder(Path.of("guides"), guides);
		Path retirement = guides.resolve("bundles/retirement.yaml");
		List<String> lines = Files.readAllLines(retirement);
		int line = lines.indexOf("committedLimit: 15") + 1;
		assertThat(line).as("the shipped retirement bundle promises 15 working days").isPositive();
		Files.writeString(retirement, Files.readString(retirement).replace("committedLimit: 15", "committedLimit: 46"));

		Run run = validate(guides.toString());

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
		assertThat(run.lines()).containsExactly(
				retirement + ":" + line + ": committedLimit: 联合办理的承诺时限不能超过45个工作日（行政许可法第四十二条），实际为46",
				"1 个问题，未导入任何内容。");
	}

	record Run(int exitCode, List<String> lines) {
	}

	private static Run validate(String folder) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				ValidateGuides.class.getName(), folder).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		// a guard against a hung child, not a timing assertion: the command reads a few files
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the command finished").isTrue();
		return new Run(process.exitValue(), output.lines().toList());
	}
}
