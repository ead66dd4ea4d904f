package cn.onething.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every kustomization under k8s/ renders, and renders the same with kubectl as with the tests' own renderer. */
class KustomizeRenderingTests {

	@ParameterizedTest
	@ValueSource(strings = {"overlays/staging", "overlays/production", "base", "monitoring"})
	void everyKustomizationRendersWithoutErrors(String folder) {
		List<ObjectNode> objects = Manifests.render(Manifests.K8S.resolve(folder));

		assertThat(objects).isNotEmpty();
		assertThat(objects).extracting(Kustomize::id).doesNotHaveDuplicates();
	}

	@ParameterizedTest
	@ValueSource(strings = {"overlays/staging", "overlays/production", "base", "monitoring"})
	void kubectlRendersExactlyWhatTheseTestsCheck(String folder) {
		Path path = Manifests.K8S.resolve(folder);
		var kubectl = Manifests.renderWithKubectl(path);
		assumeTrue(kubectl.isPresent(), "no kubectl with kustomize v4 or later on PATH; the Java renderer stands alone");

		assertThat(byId(kubectl.get())).isEqualTo(byId(Manifests.render(path)));
	}

	@Test
	void anOverlayPutsEveryObjectButTheNamespaceIntoItsNamespace() {
		List<ObjectNode> objects = Manifests.render("production");

		assertThat(objects).filteredOn(o -> !o.path("kind").asString().equals("Namespace"))
				.allSatisfy(o -> assertThat(Manifests.text(o, "metadata", "namespace")).isEqualTo("onething"));
		assertThat(Manifests.one(objects, "Namespace").path("metadata").path("name").asString()).isEqualTo("onething");
	}

	@Test
	void aKustomizationFieldBeyondTheSubsetIsRefusedRatherThanIgnored(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("kustomization.yaml"), "resources: []\ncommonLabels:\n  team: hall\n");

		assertThatThrownBy(() -> Kustomize.build(folder))
				.hasMessageContaining("'commonLabels' is beyond what these tests render");
	}

	@Test
	void aPatchForAnObjectNoResourceDefinesIsAnError(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("kustomization.yaml"), "resources: [cm.yaml]\npatches:\n  - path: patch.yaml\n");
		Files.writeString(folder.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
		Files.writeString(folder.resolve("patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  x: y\n");

		assertThatThrownBy(() -> Kustomize.build(folder)).hasMessageContaining("ConfigMap//b, which no resource defines");
	}

	private static Map<String, JsonNode> byId(List<ObjectNode> objects) {
		Map<String, JsonNode> byId = new TreeMap<>();
		objects.forEach(o -> byId.put(Kustomize.id(o), o));
		return byId;
	}
}
