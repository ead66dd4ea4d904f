package cn.onething.deploy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.onething.system.MetricsOnManagementPort;
import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/monitoring scrapes what the service and the database expose, and alerts on what k8s/README.md tells an
 * operator to watch: the outbox backlog and dead notifications, overdue cases, replicas that are not ready.
 */
class MonitoringManifestTests {

	static final List<ObjectNode> MONITORING = Manifests.render(Manifests.K8S.resolve("monitoring"));

	@Test
	void prometheusScrapesTheManagementPortWhereTheServiceExposesItsMetrics() {
		ObjectNode monitor = Manifests.named(MONITORING, "PodMonitor", "onething");
		Container container = DeploymentManifestTests.container("production");
		Map<String, String> podLabels = DeploymentManifestTests.deployment("production").getSpec().getTemplate().getMetadata().getLabels();
		JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");
		int port = container.getPorts().stream().filter(p -> p.getName().equals(endpoint.path("port").asString()))
				.findFirst().orElseThrow().getContainerPort();

		assertThat(podLabels).containsAllEntriesOf(labels(monitor.at("/spec/selector/matchLabels")));
		assertThat(String.valueOf(port)).isEqualTo(DeploymentManifestTests.env(container, "MANAGEMENT_SERVER_PORT"));
		assertThat(endpoint.path("path").asString()).isEqualTo("/actuator/prometheus");
		MockEnvironment pod = new MockEnvironment()
				.withProperty("management.server.port", DeploymentManifestTests.env(container, "MANAGEMENT_SERVER_PORT"));
		new MetricsOnManagementPort().postProcessEnvironment(pod, null);
		assertThat(pod.getProperty("management.endpoints.web.exposure.include")).as("exposed in the pod").contains("prometheus");
	}

	@Test
	void prometheusScrapesTheDatabaseInstancesOfTheCluster() {
		ObjectNode monitor = Manifests.named(MONITORING, "PodMonitor", "onething-db");
		String cluster = Manifests.text(Manifests.one(Manifests.render("production"), "Cluster"), "metadata", "name");

		assertThat(labels(monitor.at("/spec/selector/matchLabels"))).containsEntry("cnpg.io/cluster", cluster);
		assertThat(Manifests.text(monitor.at("/spec/podMetricsEndpoints/0"), "port")).isEqualTo("metrics");
	}

	@Test
	void theAlertsCoverTheOutboxOverdueCasesAndReadiness() {
		String deployment = DeploymentManifestTests.deployment("production").getMetadata().getName();
		List<String> expressions = Manifests.one(MONITORING, "PrometheusRule").at("/spec/groups/0/rules").valueStream()
				.map(rule -> rule.path("expr").asString()).toList();

		assertThat(expressions).anyMatch(e -> e.contains("onething_outbox_backlog"))
				.anyMatch(e -> e.contains("onething_outbox_dead"))
				.anyMatch(e -> e.contains("onething_casework_overdue"))
				.anyMatch(e -> e.contains("kube_deployment_status_replicas_unavailable{deployment=\"" + deployment + "\"}"));
	}

	@Test
	void everyAlertSaysWhatHappenedAndWhatToDo() {
		Manifests.one(MONITORING, "PrometheusRule").at("/spec/groups").valueStream()
				.flatMap(group -> group.path("rules").valueStream())
				.forEach(rule -> {
					assertThat(rule.at("/annotations/summary").asString()).as(rule.path("alert").asString()).isNotBlank();
					assertThat(rule.at("/annotations/description").asString()).as(rule.path("alert").asString()).isNotBlank();
					assertThat(Manifests.readme()).as("k8s/README.md explains " + rule.path("alert").asString())
							.contains(rule.path("alert").asString());
				});
	}

	private static Map<String, String> labels(JsonNode matchLabels) {
		return matchLabels.properties().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().asString()));
	}
}
