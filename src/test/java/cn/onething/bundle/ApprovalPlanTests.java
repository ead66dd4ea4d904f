package cn.onething.bundle;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 新生儿出生: the certificate first, then vaccination and hukou in parallel, then insurance and card after hukou. */
class ApprovalPlanTests {

	final ApprovalPlan newborn = new ApprovalPlan(List.of(
			step("certificate", "health", "002016429000"),
			step("vaccination", "health", "002016430000", "certificate"),
			step("hukou", "public-security", "000707001000", "certificate"),
			step("insurance", "medical-security", "002040416000", "hukou"),
			step("card", "human-resources", "002013417000", "hukou")));

	@Test
	void stepsWithoutADependencyBetweenThemShareALayerAndRunInParallel() {
		assertThat(newborn.layers()).extracting(layer -> layer.stream().map(Step::id).toList()).containsExactly(
				List.of("certificate"), List.of("vaccination", "hukou"), List.of("insurance", "card"));
	}

	@Test
	void aStepComesAfterTheLatestStepItDependsOn() {
		ApprovalPlan plan = new ApprovalPlan(List.of(
				step("join", "tax", "1", "long", "short"),
				step("short", "tax", "2"),
				step("long", "tax", "3", "middle"),
				step("middle", "tax", "4")));

		assertThat(plan.layers()).extracting(layer -> layer.stream().map(Step::id).toList()).containsExactly(
				List.of("short", "middle"), List.of("long"), List.of("join"));
	}

	@Test
	void withNothingApprovedOnlyTheFirstStepsAreReady() {
		assertThat(newborn.readySteps(Set.of())).extracting(Step::id).containsExactly("certificate");
	}

	@Test
	void approvingAStepMakesReadyEveryStepWhoseDependenciesAreAllApproved() {
		assertThat(newborn.readySteps(Set.of("certificate"))).extracting(Step::id).containsExactly("vaccination", "hukou");
		assertThat(newborn.readySteps(Set.of("certificate", "hukou"))).extracting(Step::id)
				.containsExactly("vaccination", "insurance", "card");
		assertThat(newborn.readySteps(Set.of("certificate", "vaccination", "hukou", "insurance", "card"))).isEmpty();
	}

	@Test
	void aStepWaitsForAllOfItsDependencies() {
		ApprovalPlan plan = new ApprovalPlan(List.of(step("a", "tax", "1"), step("b", "tax", "2"), step("c", "tax", "3", "a", "b")));

		assertThat(plan.readySteps(Set.of("a"))).extracting(Step::id).containsExactly("b");
		assertThat(plan.readySteps(Set.of("a", "b"))).extracting(Step::id).containsExactly("c");
	}

	@Test
	void theStepDecidingAnItemIsFound() {
		assertThat(newborn.stepDeciding("000707001000")).map(Step::id).contains("hukou");
		assertThat(newborn.stepDeciding("999999999999")).isEmpty();
	}

	@Test
	void aCycleIsFoundAndNamedFromAStepBackToItself() {
		ApprovalPlan plan = new ApprovalPlan(List.of(step("a", "tax", "1", "c"), step("b", "tax", "2", "a"), step("c", "tax", "3", "b")));

		assertThat(plan.cycle()).contains(List.of("a", "c", "b", "a"));
		assertThat(newborn.cycle()).isEmpty();
		assertThat(new ApprovalPlan(List.of(step("self", "tax", "1", "self"))).cycle()).contains(List.of("self", "self"));
	}

	private static Step step(String id, String department, String item, String... dependsOn) {
		return new Step(id, id, department, List.of(item), List.of(dependsOn));
	}
}
