package cn.onething.deploy;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;

/**
 * fabric8's Kubernetes model, made strict. Every fabric8 class keeps unknown fields in an "additionalProperties"
 * map ({@code @JsonAnySetter}), so a misspelt field would pass silently; with the any-setter switched off and
 * FAIL_ON_UNKNOWN_PROPERTIES on, {@code readinesProbe} or {@code runAsNonroot} fails the test that reads it.
 */
final class KubernetesModel {

	private static final JsonMapper STRICT = JsonMapper.builder()
			.annotationIntrospector(new JacksonAnnotationIntrospector() {
				@Override
				public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
					return Boolean.FALSE;
				}
			})
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();

	/** apiVersion + kind of every built-in object k8s/ may contain; a new kind needs a line here (or a schema). */
	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
			Map.entry("v1/Namespace", Namespace.class),
			Map.entry("v1/ServiceAccount", ServiceAccount.class),
			Map.entry("v1/ConfigMap", ConfigMap.class),
			Map.entry("v1/Secret", Secret.class),
			Map.entry("v1/Service", Service.class),
			Map.entry("apps/v1/Deployment", Deployment.class),
			Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
			Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
			Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class));

	private KubernetesModel() {
	}

	static boolean knows(JsonNode object) {
		return KINDS.containsKey(type(object));
	}

	/** The object as fabric8's model; fails on a field the Kubernetes API does not have. */
	static HasMetadata read(JsonNode object) {
		Class<? extends HasMetadata> type = KINDS.get(type(object));
		if (type == null) {
			throw new IllegalArgumentException("no model for " + type(object));
		}
		return STRICT.treeToValue(object, type);
	}

	static <T extends HasMetadata> T read(JsonNode object, Class<T> type) {
		return type.cast(read(object));
	}

	static String type(JsonNode object) {
		return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
	}
}
