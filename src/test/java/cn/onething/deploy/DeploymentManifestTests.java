package cn.onething.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules k8s/ must keep, checked on every overlay as rendered: the service starts, drains and scales safely,
 * runs with least privilege, and takes every secret by reference from a Secret that k8s/README.md tells operators
 * how to create.
 */
class DeploymentManifestTests {

	static final String MANAGEMENT_PORT = "management";

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void probesAskTheActuatorOnTheManagementPortThatTheServiceListensOn(String overlay) {
		Container container = container(overlay);
		int managementPort = container.getPorts().stream().filter(p -> MANAGEMENT_PORT.equals(p.getName()))
				.findFirst().orElseThrow().getContainerPort();

		assertThat(env(container, "MANAGEMENT_SERVER_PORT")).isEqualTo(String.valueOf(managementPort));
		assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
		assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
		assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
		assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
				.as("seconds a replica may take to migrate and import before liveness counts").isGreaterThanOrEqualTo(120);
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void everyContainerHasCpuAndMemoryRequestsAndAMemoryLimit(String overlay) {
		Container container = container(overlay);

		assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
		assertThat(container.getResources().getLimits()).containsKey("memory");
		assertThat(Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")))
				.as("the heap is 75% of the limit; below 1 GiB the JVM and Netty's buffers get too tight")
				.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity("1Gi")));
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theServiceRunsAsANonRootUserWithoutPrivilegesOnAReadOnlyFileSystem(String overlay) {
		PodSpec pod = deployment(overlay).getSpec().getTemplate().getSpec();
		Container container = pod.getContainers().get(0);

		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
		assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
		assertThat(pod.getVolumes()).anySatisfy(volume -> assertThat(volume.getEmptyDir()).isNotNull());
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theServiceAccountHasNoTokenAndNoRoles(String overlay) {
		List<ObjectNode> objects = Manifests.render(overlay);
		PodSpec pod = deployment(overlay).getSpec().getTemplate().getSpec();
		ServiceAccount account = KubernetesModel.read(Manifests.named(objects, "ServiceAccount", pod.getServiceAccountName()),
				ServiceAccount.class);

		assertThat(pod.getAutomountServiceAccountToken()).isFalse();
		assertThat(account.getAutomountServiceAccountToken()).isFalse();
		assertThat(objects).extracting(o -> o.path("kind").asString())
				.doesNotContain("Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding");
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void aStoppingReplicaDrainsBeforeSpringsGracefulShutdownAndKubernetesWaitsForBoth(String overlay) {
		PodSpec pod = deployment(overlay).getSpec().getTemplate().getSpec();
		long preStopSleep = pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds();
		Duration springShutdown = DurationStyle.detectAndParse(ApplicationSettings.yaml("spring", "lifecycle", "timeout-per-shutdown-phase"));

		assertThat(preStopSleep).as("seconds for endpoints and the ingress to stop sending").isGreaterThanOrEqualTo(5);
		assertThat(pod.getTerminationGracePeriodSeconds())
				.isGreaterThan(preStopSleep + springShutdown.toSeconds());
		assertThat(ApplicationSettings.yaml("server", "shutdown")).isEqualTo("graceful");
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void thereAreAlwaysAtLeastTwoReplicasAndDisruptionsTakeOneAtATime(String overlay) {
		List<ObjectNode> objects = Manifests.render(overlay);
		Deployment deployment = deployment(overlay);
		HorizontalPodAutoscaler hpa = KubernetesModel.read(Manifests.one(objects, "HorizontalPodAutoscaler"),
				HorizontalPodAutoscaler.class);
		PodDisruptionBudget pdb = KubernetesModel.read(Manifests.one(objects, "PodDisruptionBudget"), PodDisruptionBudget.class);
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
		assertThat(deployment.getSpec().getReplicas()).as("the autoscaler owns the count").isNull();
		assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
		assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
		assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
	}

	@Test
	void productionKeepsThreeReplicasAtLeast() {
		HorizontalPodAutoscaler hpa = KubernetesModel.read(Manifests.one(Manifests.render("production"), "HorizontalPodAutoscaler"),
				HorizontalPodAutoscaler.class);

		assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theDatabaseHasRoomForTheConnectionsOfTheLargestNumberOfReplicas(String overlay) {
		List<ObjectNode> objects = Manifests.render(overlay);
		HorizontalPodAutoscaler hpa = KubernetesModel.read(Manifests.one(objects, "HorizontalPodAutoscaler"),
				HorizontalPodAutoscaler.class);
		int pool = Integer.parseInt(configMap(overlay).getData().get("SPRING_R2DBC_POOL_MAX_SIZE"));
		int maxConnections = Integer.parseInt(Manifests.text(Manifests.one(objects, "Cluster"), "spec", "postgresql",
				"parameters", "max_connections"));

		// per replica: its pool, the outbox's LISTEN connection and Flyway's while it starts; then the operator
		// (replication, monitoring, superuser reserve) and a person with psql
		assertThat(hpa.getSpec().getMaxReplicas() * (pool + 2) + 20).isLessThanOrEqualTo(maxConnections);
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theDatabaseUrlIsBuiltFromTheSecretCloudNativePgGeneratesForTheCluster(String overlay) {
		List<ObjectNode> objects = Manifests.render(overlay);
		String appSecret = Manifests.text(Manifests.one(objects, "Cluster"), "metadata", "name") + "-app";
		List<EnvVar> env = container(overlay).getEnv();

		assertThat(env(container(overlay), "SPRING_R2DBC_URL"))
				.matches("r2dbc:postgresql://\\$\\(\\w+\\):\\$\\(\\w+\\)/\\$\\(\\w+\\)(\\?sslmode=require)?");
		for (String variable : referencedVariables(env(container(overlay), "SPRING_R2DBC_URL"))) {
			EnvVar definition = env.stream().filter(e -> e.getName().equals(variable)).findFirst().orElseThrow();
			assertThat(definition.getValueFrom().getSecretKeyRef().getName()).isEqualTo(appSecret);
			assertThat(definition.getValueFrom().getSecretKeyRef().getKey()).isIn("host", "port", "dbname");
		}
		assertThat(secretKey(env, "SPRING_R2DBC_USERNAME")).isEqualTo(appSecret + "/username");
		assertThat(secretKey(env, "SPRING_R2DBC_PASSWORD")).isEqualTo(appSecret + "/password");
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void everyVariableReferenceNamesAVariableDefinedAboveIt(String overlay) {
		List<EnvVar> env = container(overlay).getEnv();
		Set<String> defined = new HashSet<>();
		for (EnvVar variable : env) {
			if (variable.getValue() != null) {
				assertThat(defined).as("$(...) in " + variable.getName()).containsAll(referencedVariables(variable.getValue()));
			}
			defined.add(variable.getName());
		}
	}

	@Test
	void noSecretValueIsKeptInGit() throws IOException {
		for (Path file : Manifests.yamlFiles()) {
			for (ObjectNode object : Kustomize.readAll(file)) {
				assertThat(object.path("kind").asString()).as(file.toString()).isNotEqualTo("Secret");
			}
		}
		for (String overlay : Manifests.OVERLAYS) {
			assertThat(container(overlay).getEnv()).as("secrets come by reference")
					.filteredOn(e -> e.getName().matches(".*(SECRET|PASSWORD|TOKEN|AES_KEY|APP_ID).*"))
					.allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull());
			assertThat(configMap(overlay).getData().keySet()).noneMatch(key -> key.matches(".*(SECRET|PASSWORD|TOKEN|AES_KEY).*"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void everySecretTheManifestsReferToIsDescribedForTheOperator(String overlay) {
		String readme = Manifests.readme();

		for (String reference : secretReferences(Manifests.render(overlay))) {
			String secret = reference.substring(0, reference.indexOf('/'));
			String key = reference.substring(reference.indexOf('/') + 1);
			assertThat(readme).as("k8s/README.md names the Secret " + secret).contains("`" + secret + "`");
			if (!key.isEmpty()) {
				assertThat(readme).as("k8s/README.md names the key " + key + " of " + secret).contains("`" + key + "`");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void everyOnethingVariableNamesASettingTheApplicationReads(String overlay) {
		Set<String> variables = new LinkedHashSet<>(configMap(overlay).getData().keySet());
		container(overlay).getEnv().forEach(e -> variables.add(e.getName()));

		assertThat(variables).filteredOn(v -> v.startsWith("ONETHING_"))
				.allSatisfy(v -> assertThat(ApplicationSettings.bindsTo(v)).as(v + " sets nothing the application reads").isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void thePublicAddressIsTheIngressHostOverHttps(String overlay) {
		Ingress ingress = KubernetesModel.read(Manifests.one(Manifests.render(overlay), "Ingress"), Ingress.class);
		String host = ingress.getSpec().getRules().get(0).getHost();
		Map<String, String> config = configMap(overlay).getData();

		assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getHosts()).containsExactly(host));
		assertThat(config.get("ONETHING_CATALOG_PUBLIC_BASE_URL")).isEqualTo("https://" + host);
		assertThat(config.get("ONETHING_WECHAT_PUBLIC_BASE_URL")).isEqualTo("https://" + host);
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theIngressReachesOnlyTheWebPortThroughTheService(String overlay) {
		List<ObjectNode> objects = Manifests.render(overlay);
		Service service = KubernetesModel.read(Manifests.one(objects, "Service"), Service.class);
		Ingress ingress = KubernetesModel.read(Manifests.one(objects, "Ingress"), Ingress.class);
		Map<String, String> podLabels = deployment(overlay).getSpec().getTemplate().getMetadata().getLabels();

		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		assertThat(service.getSpec().getPorts()).singleElement()
				.satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
		assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths()).allSatisfy(path -> {
			assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
			assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theImageComesFromTheOverlaysRegistryWithAFixedTag(String overlay) {
		String image = container(overlay).getImage();

		assertThat(image).contains("/").doesNotEndWith(":latest").matches(".+[:@].+");
	}

	@Test
	void stagingAndProductionBackUpToDifferentPlaces() {
		assertThat(Manifests.text(Manifests.one(Manifests.render("staging"), "Cluster"), "spec", "backup", "barmanObjectStore", "destinationPath"))
				.isNotEqualTo(Manifests.text(Manifests.one(Manifests.render("production"), "Cluster"), "spec", "backup", "barmanObjectStore", "destinationPath"));
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theDatabaseRunsThreeInstancesAndIsBackedUpEveryNight(String overlay) {
		List<ObjectNode> objects = Manifests.render(overlay);
		ObjectNode cluster = Manifests.one(objects, "Cluster");
		ObjectNode backup = Manifests.one(objects, "ScheduledBackup");

		assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
		assertThat(Manifests.text(backup, "spec", "cluster", "name")).isEqualTo(Manifests.text(cluster, "metadata", "name"));
		assertThat(Manifests.text(backup, "spec", "method")).isEqualTo("barmanObjectStore");
		assertThat(cluster.at("/spec/backup/barmanObjectStore").isObject()).isTrue();
	}

	@Test
	void theRestoreExampleOfTheReadmeMatchesTheDatabaseItRestores() {
		String readme = Manifests.readme();
		String example = readme.substring(readme.indexOf("```yaml") + "```yaml".length(), readme.indexOf("```", readme.indexOf("```yaml") + 7));
		ObjectNode restore = Kustomize.readAll(example).get(0);
		ObjectNode cluster = Manifests.one(Manifests.render("production"), "Cluster");

		assertThat(restore.at("/spec/imageName")).isEqualTo(cluster.at("/spec/imageName"));
		assertThat(restore.at("/spec/bootstrap/recovery/database")).isEqualTo(cluster.at("/spec/bootstrap/initdb/database"));
		assertThat(restore.at("/spec/bootstrap/recovery/owner")).isEqualTo(cluster.at("/spec/bootstrap/initdb/owner"));
		assertThat(restore.at("/spec/externalClusters/0/barmanObjectStore/destinationPath"))
				.isEqualTo(cluster.at("/spec/backup/barmanObjectStore/destinationPath"));
		assertThat(restore.at("/spec/externalClusters/0/barmanObjectStore/serverName").asString())
				.isEqualTo(Manifests.text(cluster, "metadata", "name"));
	}

	static Deployment deployment(String overlay) {
		return KubernetesModel.read(Manifests.one(Manifests.render(overlay), "Deployment"), Deployment.class);
	}

	static Container container(String overlay) {
		List<Container> containers = deployment(overlay).getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	static ConfigMap configMap(String overlay) {
		return KubernetesModel.read(Manifests.one(Manifests.render(overlay), "ConfigMap"), ConfigMap.class);
	}

	static String env(Container container, String name) {
		return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no env " + name)).getValue();
	}

	private static void assertProbe(Probe probe, String path) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(MANAGEMENT_PORT);
	}

	private static String secretKey(List<EnvVar> env, String name) {
		EnvVar variable = env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
		return variable.getValueFrom().getSecretKeyRef().getName() + "/" + variable.getValueFrom().getSecretKeyRef().getKey();
	}

	private static List<String> referencedVariables(String value) {
		List<String> names = new ArrayList<>();
		Matcher matcher = Pattern.compile("\\$\\((\\w+)\\)").matcher(value);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** secret/key of every reference: container env, Ingress certificates, the database's backup credentials. */
	private static Set<String> secretReferences(List<ObjectNode> objects) {
		Set<String> references = new LinkedHashSet<>();
		for (ObjectNode object : objects) {
			collect(object, "secretKeyRef", references);
		}
		Manifests.all(objects, "Ingress").forEach(ingress -> ingress.at("/spec/tls")
				.forEach(tls -> references.add(tls.path("secretName").asString() + "/")));
		Manifests.all(objects, "Cluster").forEach(cluster -> cluster.at("/spec/backup/barmanObjectStore/s3Credentials")
				.forEach(selector -> references.add(selector.path("name").asString() + "/" + selector.path("key").asString())));
		return references;
	}

	private static void collect(JsonNode node, String field, Set<String> into) {
		if (node.isObject()) {
			if (node.has(field)) {
				into.add(node.get(field).path("name").asString() + "/" + node.get(field).path("key").asString());
			}
			node.forEach(child -> collect(child, field, into));
		}
		else if (node.isArray()) {
			node.forEach(child -> collect(child, field, into));
		}
	}
}
