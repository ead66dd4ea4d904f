package cn.onething.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import cn.onething.bundle.bundlefiles.BundleFolder;
import cn.onething.bundle.bundlefiles.BundleFolderReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundles shipped in guides/bundles/ are valid against the shipped catalogue and cover the real bundles. */
class ShippedBundlesTests {

	static final BundleFolder SHIPPED = BundleFolderReader.read(Path.of("guides"), BundleFixture.shippedCatalogue());

	@Test
	void theShippedBundlesHaveNoProblem() {
		assertThat(SHIPPED.problems()).as("run this test to see every problem as path:line: field: message")
				.extracting(Object::toString).isEmpty();
	}

	@Test
	void theSixRealBundlesOfTheStateCouncilListAreShipped() {
		assertThat(bundles()).extracting(Bundle::name).contains("新生儿出生一件事", "退休一件事", "开办餐饮店一件事",
				"企业信息变更一件事", "二手房转移登记及水电气网联合过户", "身后一件事");
	}

	@Test
	void everyShippedPlanMixesSerialAndParallelSteps() {
		for (Bundle bundle : bundles()) {
			List<List<Step>> layers = bundle.plan().layers();
			assertThat(layers).as(bundle.id() + " has steps in series").hasSizeGreaterThan(1);
			assertThat(layers).as(bundle.id() + " has steps in parallel").anyMatch(layer -> layer.size() > 1);
		}
	}

	@Test
	void everyShippedBundleAsksSomeFieldOnceForSeveralItemsAndSomeDocumentOnce() {
		for (Bundle bundle : bundles()) {
			assertThat(bundle.form().fields()).as(bundle.id()).anyMatch(f -> f.itemCodes().size() > 1);
			assertThat(bundle.materials()).as(bundle.id()).anyMatch(m -> m.items().size() > 1);
			assertThat(bundle.committedLimit()).as(bundle.id()).isBetween(1, Bundle.JOINT_HANDLING_CAP);
		}
	}

	@Test
	void retirementSealsTheHousingFundAfterTheRetirementApprovalAndHandlesMedicalInsuranceInParallel() {
		Bundle retirement = bundles().stream().filter(b -> b.id().equals("retirement")).findFirst().orElseThrow();

		assertThat(retirement.plan().layers()).extracting(layer -> layer.stream().map(Step::id).toList())
				.containsExactly(List.of("retire", "medical"), List.of("seal"), List.of("withdraw"));
		assertThat(retirement.plan().readySteps(Set.of("retire"))).extracting(Step::id).containsExactly("medical", "seal");
	}

	@Test
	void theProblemShownInTheReadmeIsWhatTheReaderReports(@TempDir Path folder) throws IOException {
		String readme = Files.readString(Path.of("guides/bundles/README.md"));
		String shown = readme.lines().filter(line -> line.startsWith("    bundles/newborn.yaml:")).findFirst().orElseThrow().strip();
		String newborn = Files.readString(Path.of("guides/bundles/newborn.yaml"));
		String birthDateAsText = "      - key: child.sex\n      - {key: child.birthDate, label: 出生日期, type: text}\n";
		Files.createDirectories(folder.resolve("bundles"));
		Files.writeString(folder.resolve("bundles/newborn.yaml"),
				newborn.replace("      - key: child.sex\n      - key: child.birthDate\n", birthDateAsText));

		assertThat(BundleFolderReader.read(folder, BundleFixture.shippedCatalogue()).problems()).extracting(Object::toString)
				.containsExactly(shown);
	}

	private static List<Bundle> bundles() {
		return SHIPPED.bundles().stream().map(BundleFolder.SourcedBundle::bundle).toList();
	}
}
