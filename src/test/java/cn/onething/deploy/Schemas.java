package cn.onething.deploy;

import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * The JSON schemas (src/test/resources/k8s/schemas) of the custom resources fabric8 has no model for: CloudNativePG's
 * Cluster and ScheduledBackup, the Prometheus Operator's PodMonitor and PrometheusRule. Each is closed
 * (additionalProperties: false) and reduced to the fields k8s/ uses, so a misspelt field fails.
 */
final class Schemas {

	private static final String ID = "https://onething.cn/k8s/schemas/";
	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(ID, "classpath:k8s/schemas/")));

	private static final Map<String, String> KINDS = Map.of(
			"postgresql.cnpg.io/v1/Cluster", "cnpg-cluster",
			"postgresql.cnpg.io/v1/ScheduledBackup", "cnpg-scheduledbackup",
			"monitoring.coreos.com/v1/PodMonitor", "podmonitor",
			"monitoring.coreos.com/v1/PrometheusRule", "prometheusrule");

	private Schemas() {
	}

	static boolean knows(JsonNode object) {
		return KINDS.containsKey(KubernetesModel.type(object));
	}

	/** What is wrong with the object, one line per problem ("$.spec.storage.sizee: ..."); empty when it is valid. */
	static List<String> problems(JsonNode object) {
		String schema = KINDS.get(KubernetesModel.type(object));
		if (schema == null) {
			return List.of("no schema for " + KubernetesModel.type(object));
		}
		Schema loaded = REGISTRY.getSchema(SchemaLocation.of(ID + schema + ".schema.json"));
		return loaded.validate(object).stream().map(Error::toString).toList();
	}
}
