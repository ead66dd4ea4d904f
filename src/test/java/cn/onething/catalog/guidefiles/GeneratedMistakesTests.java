package cn.onething.catalog.guidefiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import cn.onething.catalog.GuideFolderFixture;
import cn.onething.catalog.mistakes.Mistake;
import cn.onething.catalog.mistakes.Mistakes;
import cn.onething.shared.yaml.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Mistakes generated from a fixed list of seeds (a failure message names its seed and run, which reproduce it):
 * whatever single mistake an editor makes in a valid folder, the validator names the file, the line and the field
 * of it, and reading never throws, however badly a file is damaged.
 */
class GeneratedMistakesTests {

	static final int RUNS = 50;

	@TempDir
	Path temp;

	@Test
	void theValidFolderTheMistakesStartFromHasNoProblem() {
		assertThat(GuideFolderReader.read(GuideFolderFixture.copyInto(temp).root()).problems()).isEmpty();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 7, 45, 2025 })
	void everyMistakeIsReportedOnItsFileLineAndField(long seed) {
		Mistakes mistakes = new Mistakes(seed, GuideFolderFixture.copyInto(temp.resolve("valid")));
		for (int run = 0; run < RUNS; run++) {
			Mistake mistake = mistakes.next();
			GuideFolderFixture folder = mistake.applyTo(GuideFolderFixture.copyInto(temp.resolve("run-" + run)));

			List<Problem> problems = readWithoutThrowing(folder, "seed " + seed + ", run " + run + ": " + mistake);

			assertThat(mistake.isReportedIn(problems)).as("seed %d, run %d: %s; reported: %s", seed, run, mistake,
					problems).isTrue();
		}
	}

	@Test
	void aMisspeltFieldIsNamedWhereverItStands() {
		List<Mistake> misspellings = new Mistakes(9, GuideFolderFixture.copyInto(temp.resolve("valid"))).everyFieldMisspelt();
		for (int run = 0; run < misspellings.size(); run++) {
			Mistake mistake = misspellings.get(run);
			GuideFolderFixture folder = mistake.applyTo(GuideFolderFixture.copyInto(temp.resolve("run-" + run)));

			List<Problem> problems = readWithoutThrowing(folder, mistake.toString());

			assertThat(mistake.isReportedIn(problems)).as("%s; reported: %s", mistake, problems).isTrue();
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 3, 82, 1949, 2026 })
	void howeverAFileIsDamagedReadingNeverThrowsAndEveryProblemPointsIntoTheFolder(long seed) throws Exception {
		Random random = new Random(seed);
		for (int run = 0; run < RUNS; run++) {
			GuideFolderFixture folder = GuideFolderFixture.copyInto(temp.resolve("run-" + run));
			List<String> files = folder.itemFiles();
			String file = random.nextInt(4) == 0 ? "departments.yaml" : files.get(random.nextInt(files.size()));
			String damaged = FileDamage.random(random, folder.read(file));
			folder.write(file, damaged);

			List<Problem> problems = readWithoutThrowing(folder, "seed " + seed + ", run " + run + ", " + file + ":\n" + damaged);

			for (Problem problem : problems) {
				Path reported = folder.root().resolve(problem.path());
				assertThat(reported).as("seed %d, run %d: %s", seed, run, problem).exists();
				assertThat(problem.line()).as("seed %d, run %d: %s", seed, run, problem)
						.isBetween(1, (int) Files.readString(reported).lines().count() + 1);
				assertThat(problem.field()).as("seed %d, run %d: %s", seed, run, problem).isNotBlank();
			}
		}
	}

	private static List<Problem> readWithoutThrowing(GuideFolderFixture folder, String context) {
		try {
			return GuideFolderReader.read(folder.root()).problems();
		}
		catch (RuntimeException e) {
			return fail("reading threw on " + context, e);
		}
	}
}
