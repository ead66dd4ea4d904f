package cn.onething.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every object under k8s/ is what the API server will accept, field by field: built-in kinds through fabric8's
 * model with unknown fields refused, custom resources through closed JSON schemas.
 */
class ManifestModelTests {

	@ParameterizedTest
	@ValueSource(strings = {"overlays/staging", "overlays/production", "monitoring"})
	void everyRenderedObjectHasOnlyFieldsItsKindHas(String folder) {
		List<ObjectNode> objects = Manifests.render(Manifests.K8S.resolve(folder));

		assertThat(objects).allSatisfy(object -> {
			if (KubernetesModel.knows(object)) {
				assertThatCode(() -> KubernetesModel.read(object)).as(Kustomize.id(object)).doesNotThrowAnyException();
			}
			else {
				assertThat(Schemas.problems(object)).as(Kustomize.id(object)).isEmpty();
			}
		});
	}

	@Test
	void aMisspeltProbeInTheDeploymentFailsTheModel() {
		ObjectNode deployment = Manifests.one(Manifests.render("production"), "Deployment");
		ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
		container.set("readinesProbe", container.remove("readinessProbe"));

		assertThatThrownBy(() -> KubernetesModel.read(deployment)).hasMessageContaining("readinesProbe");
	}

	@Test
	void aMisspeltSecurityFieldFailsTheModel() {
		ObjectNode deployment = Manifests.one(Manifests.render("production"), "Deployment");
		ObjectNode security = (ObjectNode) deployment.at("/spec/template/spec/securityContext");
		security.set("runAsNonroot", security.remove("runAsNonRoot"));

		assertThatThrownBy(() -> KubernetesModel.read(deployment)).hasMessageContaining("runAsNonroot");
	}

	@Test
	void aMisspeltFieldInTheDatabaseClusterFailsItsSchema() {
		ObjectNode cluster = Manifests.one(Manifests.render("production"), "Cluster");
		ObjectNode storage = (ObjectNode) cluster.at("/spec/storage");
		storage.set("sizee", storage.remove("size"));

		assertThat(Schemas.problems(cluster)).anySatisfy(problem -> assertThat(problem).contains("sizee"));
	}

	@Test
	void aPostgresqlParameterGivenAsANumberFailsTheClusterSchema() {
		ObjectNode cluster = Manifests.one(Manifests.render("production"), "Cluster");
		((ObjectNode) cluster.at("/spec/postgresql/parameters")).put("max_connections", 300);

		assertThat(Schemas.problems(cluster)).anySatisfy(problem -> assertThat(problem).contains("max_connections"));
	}

	@Test
	void aFiveFieldCronScheduleFailsTheScheduledBackupSchema() {
		ObjectNode backup = Manifests.one(Manifests.render("production"), "ScheduledBackup");
		((ObjectNode) backup.get("spec")).put("schedule", "0 2 * * *");

		assertThat(Schemas.problems(backup)).anySatisfy(problem -> assertThat(problem).contains("schedule"));
	}
}
