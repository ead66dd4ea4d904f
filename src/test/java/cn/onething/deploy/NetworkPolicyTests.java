package cn.onething.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default deny, then only what must talk: the ingress controller to the web port, the service and CloudNativePG's
 * operator to PostgreSQL, Prometheus to the metrics ports. What a NetworkPolicy allows adds up across policies, so
 * these tests look at every policy that selects the pods in question.
 */
class NetworkPolicyTests {

	static final Map<String, String> DATABASE_PODS = Map.of("cnpg.io/cluster", "onething-db");

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void everythingIsDeniedUnlessAllowed(String overlay) {
		assertThat(policies(overlay)).anySatisfy(policy -> {
			assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
			assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
			assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
			assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
			assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void postgresqlAcceptsOnlyTheServiceTheOtherInstancesAndTheOperator(String overlay) {
		Map<String, String> servicePods = servicePods(overlay);
		List<NetworkPolicyIngressRule> rules = ingressRulesSelecting(overlay, DATABASE_PODS);

		assertThat(rules).as("some rule admits the service").anySatisfy(rule -> assertThat(admits(rule, 5432)).isTrue());
		assertThat(rules).filteredOn(rule -> admits(rule, 5432)).allSatisfy(rule -> {
			assertThat(rule.getFrom()).as("no rule admits everyone").isNotEmpty();
			assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(peer.getIpBlock()).isNull());
			assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(
					isPods(peer, servicePods) || isPods(peer, DATABASE_PODS) || isNamespace(peer, "cnpg-system"))
					.as("PostgreSQL admits " + peer).isTrue());
		});
		assertThat(rules).as("the operator reaches the instance manager").anySatisfy(rule -> {
			assertThat(admits(rule, 8000)).isTrue();
			assertThat(rule.getFrom()).anySatisfy(peer -> assertThat(isNamespace(peer, "cnpg-system")).isTrue());
		});
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theWebPortAcceptsOnlyTheIngressControllerAndNothingReachesTheServiceFromOutsideTheseRules(String overlay) {
		List<NetworkPolicyIngressRule> rules = ingressRulesSelecting(overlay, servicePods(overlay));

		assertThat(rules).filteredOn(rule -> admits(rule, 8080)).singleElement()
				.satisfies(rule -> assertThat(rule.getFrom()).singleElement()
						.satisfies(peer -> assertThat(isNamespace(peer, "ingress-nginx")).isTrue()));
		assertThat(rules).allSatisfy(rule -> {
			assertThat(rule.getFrom()).isNotEmpty();
			assertThat(rule.getPorts()).isNotEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = {"staging", "production"})
	void theServiceMayReachItsDatabase(String overlay) {
		Map<String, String> servicePods = servicePods(overlay);

		assertThat(policies(overlay)).filteredOn(p -> selects(p, servicePods) && p.getSpec().getEgress() != null)
				.flatExtracting(p -> p.getSpec().getEgress())
				.anySatisfy(rule -> {
					assertThat(rule.getTo()).anySatisfy(peer -> assertThat(isPods(peer, DATABASE_PODS)).isTrue());
					assertThat(rule.getPorts()).anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(5432));
				});
	}

	private static List<NetworkPolicy> policies(String overlay) {
		return Manifests.all(Manifests.render(overlay), "NetworkPolicy").stream()
				.map(o -> KubernetesModel.read(o, NetworkPolicy.class)).toList();
	}

	private static Map<String, String> servicePods(String overlay) {
		return DeploymentManifestTests.deployment(overlay).getSpec().getTemplate().getMetadata().getLabels();
	}

	/** The ingress rules of every policy that applies to pods with these labels. */
	private static List<NetworkPolicyIngressRule> ingressRulesSelecting(String overlay, Map<String, String> podLabels) {
		return policies(overlay).stream().filter(p -> selects(p, podLabels))
				.flatMap(p -> p.getSpec().getIngress() == null ? Stream.empty() : p.getSpec().getIngress().stream())
				.toList();
	}

	private static boolean selects(NetworkPolicy policy, Map<String, String> podLabels) {
		Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
		return selector == null || podLabels.entrySet().containsAll(selector.entrySet());
	}

	private static boolean admits(NetworkPolicyIngressRule rule, int port) {
		return rule.getPorts() == null || rule.getPorts().isEmpty() || rule.getPorts().stream()
				.map(p -> p.getPort()).filter(Objects::nonNull).map(IntOrString::getIntVal).anyMatch(Integer.valueOf(port)::equals);
	}

	private static boolean isPods(NetworkPolicyPeer peer, Map<String, String> podLabels) {
		return peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null
				&& podLabels.entrySet().containsAll(peer.getPodSelector().getMatchLabels().entrySet())
				&& !peer.getPodSelector().getMatchLabels().isEmpty();
	}

	private static boolean isNamespace(NetworkPolicyPeer peer, String namespace) {
		return peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
				&& namespace.equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
	}
}
