package cn.onething.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The order in which departments decide a bundle's items: a directed acyclic graph of steps. Each item is decided
 * by exactly one step, of the department that implements it (实施主体); the bundle reader refuses a plan with a
 * cycle, so every method here may assume there is none.
 */
public record ApprovalPlan(List<Step> steps) {

	public ApprovalPlan {
		steps = List.copyOf(steps);
	}

	public Optional<Step> step(String id) {
		return steps.stream().filter(s -> id.equals(s.id())).findFirst();
	}

	public Optional<Step> stepDeciding(String itemCode) {
		return steps.stream().filter(s -> s.itemCodes().contains(itemCode)).findFirst();
	}

	/** Whether {@code laterId} starts only after {@code earlierId} is approved: it depends on it, directly or not. */
	public boolean follows(String laterId, String earlierId) {
		return step(laterId).map(later -> later.dependsOn().contains(earlierId)
				|| later.dependsOn().stream().anyMatch(dependency -> follows(dependency, earlierId))).orElse(false);
	}

	/**
	 * The steps that may start once the steps {@code approved} are approved: not approved yet, and every step they
	 * depend on approved. With nothing approved these are the plan's first steps.
	 */
	public List<Step> readySteps(Set<String> approved) {
		return steps.stream()
				.filter(step -> !approved.contains(step.id()))
				.filter(step -> approved.containsAll(step.dependsOn()))
				.toList();
	}

	/**
	 * The steps in layers: a step's layer is one after the latest layer it depends on, so the steps of one layer
	 * run in parallel (并联) and the layers follow each other (串联). Within a layer steps keep their file order.
	 */
	public List<List<Step>> layers() {
		Map<String, Integer> depth = new HashMap<>();
		steps.forEach(step -> depthOf(step, depth));
		Map<Integer, List<Step>> byDepth = new LinkedHashMap<>();
		steps.stream().sorted(Comparator.comparingInt(s -> depth.get(s.id())))
				.forEach(step -> byDepth.computeIfAbsent(depth.get(step.id()), d -> new ArrayList<>()).add(step));
		return List.copyOf(byDepth.values());
	}

	private int depthOf(Step step, Map<String, Integer> depth) {
		Integer known = depth.get(step.id());
		if (known != null) {
			return known;
		}
		int own = step.dependsOn().stream().map(this::step).flatMap(Optional::stream)
				.mapToInt(dependency -> depthOf(dependency, depth) + 1).max().orElse(0);
		depth.put(step.id(), own);
		return own;
	}

	/**
	 * A cycle of dependencies, as step ids from a step back to itself (a → b → a), or empty when the plan is a
	 * DAG. Dependencies on unknown steps are ignored here; the reader reports them separately.
	 */
	public Optional<List<String>> cycle() {
		Set<String> finished = new HashSet<>();
		for (Step step : steps) {
			Optional<List<String>> cycle = cycleFrom(step, new ArrayList<>(), finished);
			if (cycle.isPresent()) {
				return cycle;
			}
		}
		return Optional.empty();
	}

	private Optional<List<String>> cycleFrom(Step step, List<String> path, Set<String> finished) {
		int seen = path.indexOf(step.id());
		if (seen >= 0) {
			List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
			cycle.add(step.id());
			return Optional.of(cycle);
		}
		if (finished.contains(step.id())) {
			return Optional.empty();
		}
		path.add(step.id());
		for (String dependency : step.dependsOn()) {
			Optional<List<String>> cycle = step(dependency).flatMap(next -> cycleFrom(next, path, finished));
			if (cycle.isPresent()) {
				return cycle;
			}
		}
		path.remove(path.size() - 1);
		finished.add(step.id());
		return Optional.empty();
	}
}
