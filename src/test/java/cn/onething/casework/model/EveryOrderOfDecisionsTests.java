package cn.onething.casework.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static cn.onething.casework.model.CaseFixture.MONDAY;
import static cn.onething.casework.model.CaseFixture.WINDOW;
import static cn.onething.casework.model.CaseFixture.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every order in which the departments of a shipped bundle can approve or refuse their steps, played out in full
 * (docs/legal.md §3.6). At every point every step is tried with both decisions: those the plan does not allow yet,
 * or no longer, must be refused and change nothing; the others are followed to the end of the case.
 */
class EveryOrderOfDecisionsTests {

	private static final Actor REVIEWER = new Actor(Actor.Kind.REVIEWER, "r", "审核员");

	@Test
	void theSecondHandHouseBundleEndsAsOneWhateverTheOrderOfDecisions() throws IOException {
		CaseTerms terms = shippedBundle("secondhand-house", null);
		assertThat(terms.partialOutcomes()).as("the bundle file promises that its items end together").isFalse();

		List<Ending> endings = playEveryOrder(terms);

		// tax refused; transfer refused; then water and gas in either order, each approved or refused: 1 + 1 + 6
		assertThat(endings).hasSize(8);
		endings.forEach(ending -> assertEndedTogether(ending, terms));
		assertThat(endings).filteredOn(ending -> ending.file().completion().result() == Completion.Result.APPROVED)
				.as("water and gas approved in either order").hasSize(2);
	}

	@Test
	void theFiveStepsOfTheNewbornBundleEndAsOneInEveryOrderWhenItsItemsMustEndTogether() throws IOException {
		CaseTerms terms = shippedBundle("newborn", false);

		List<Ending> endings = playEveryOrder(terms);

		// certificate refused: 1; after it, vaccination and registration run side by side, insurance and card after
		// registration: 1 + 1 + 7 + 21 (counted by hand in docs/legal.md §3.6)
		assertThat(endings).hasSize(31);
		endings.forEach(ending -> assertEndedTogether(ending, terms));
	}

	@Test
	void theNewbornBundleAsFiledEndsItemByItemInEveryOrder() throws IOException {
		CaseTerms terms = shippedBundle("newborn", null);
		assertThat(terms.partialOutcomes()).isTrue();

		List<Ending> endings = playEveryOrder(terms);

		assertThat(endings).isNotEmpty();
		for (Ending ending : endings) {
			CaseFile file = ending.file();
			for (CaseStep step : file.steps()) {
				if (step.state() == StepState.SKIPPED) {
					CaseStep cause = refusedAncestor(file, step);
					assertThat(step.reason()).isEqualTo("因前序环节“" + cause.plan().name() + "”不予许可，本环节终止");
				}
				else {
					assertThat(step.plan().dependsOn()).allMatch(d -> file.step(d).orElseThrow().state() == StepState.APPROVED);
				}
			}
			List<String> approved = file.steps().stream().filter(s -> s.state() == StepState.APPROVED)
					.flatMap(s -> s.plan().itemCodes().stream()).toList();
			assertThat(file.completion().approvedItems()).containsExactlyInAnyOrderElementsOf(approved);
		}
	}

	/** What one order of decisions left: the case at its end and every event on the way. */
	private record Ending(List<String> moves, CaseFile file, List<CaseEvent> events) {
	}

	private static List<Ending> playEveryOrder(CaseTerms terms) {
		List<Ending> endings = new ArrayList<>();
		CaseChange submitted = CaseFile.submit("case", "R", terms, on(MONDAY, WINDOW));
		explore(submitted.after(), MONDAY, List.of(), new ArrayList<>(submitted.events()), endings);
		return endings;
	}

	private static void explore(CaseFile file, LocalDate day, List<String> moves, List<CaseEvent> events, List<Ending> endings) {
		if (file.completion() != null) {
			endings.add(new Ending(moves, file, events));
			return;
		}
		LocalDate next = day.plusDays(1);
		for (CaseStep step : file.steps()) {
			for (boolean approve : new boolean[] { true, false }) {
				String move = (approve ? "approve " : "refuse ") + step.id();
				CaseChange change;
				try {
					change = approve ? file.approve(step.id(), null, on(next, REVIEWER))
							: file.refuse(step.id(), "不符合条件", on(next, REVIEWER));
				}
				catch (CaseRuleViolation refused) {
					assertThat(step.state()).as("%s after %s", move, moves).isNotEqualTo(StepState.ACTIVE);
					continue;
				}
				assertThat(step.state()).as("%s after %s", move, moves).isEqualTo(StepState.ACTIVE);
				List<String> played = new ArrayList<>(moves);
				played.add(move);
				List<CaseEvent> seen = new ArrayList<>(events);
				seen.addAll(change.events());
				explore(change.after(), next, played, seen, endings);
			}
		}
	}

	/**
	 * The rule of docs/legal.md §3.6: one refusal ends every step still open with it as the reason, nothing is
	 * decided after it, and no item is granted, not even one approved before; without a refusal every item is.
	 */
	private static void assertEndedTogether(Ending ending, CaseTerms terms) {
		CaseFile file = ending.file();
		List<String> allItems = terms.plan().stream().flatMap(p -> p.itemCodes().stream()).distinct().toList();
		List<CaseStep> refused = file.steps().stream().filter(s -> s.state() == StepState.REFUSED).toList();
		assertThat(file.steps()).as("%s", ending.moves()).allMatch(s -> s.state().isDecided());
		assertThat(refused).as("%s", ending.moves()).hasSizeLessThanOrEqualTo(1);
		Completion completion = file.completion();
		if (refused.isEmpty()) {
			assertThat(completion.result()).isEqualTo(Completion.Result.APPROVED);
			assertThat(completion.approvedItems()).containsExactlyInAnyOrderElementsOf(allItems);
		}
		else {
			String name = refused.get(0).plan().name();
			assertThat(completion.result()).as("%s", ending.moves()).isEqualTo(Completion.Result.REFUSED);
			assertThat(completion.approvedItems()).isEmpty();
			assertThat(completion.refusedItems()).containsExactlyInAnyOrderElementsOf(allItems);
			assertThat(completion.collect()).isEmpty();
			assertThat(file.steps()).filteredOn(s -> s.state() == StepState.SKIPPED)
					.allSatisfy(s -> assertThat(s.reason()).isEqualTo("本件各事项须一并办结，因“" + name + "”不予许可，本环节终止"));
			int refusal = indexOf(ending.events(), e -> e instanceof CaseEvent.StepDecided d && d.outcome() == StepState.REFUSED);
			assertThat(ending.events().subList(refusal + 1, ending.events().size()))
					.as("nothing is decided or started after the refusal: %s", ending.moves())
					.noneMatch(e -> e instanceof CaseEvent.StepDecided || e instanceof CaseEvent.StepActivated);
		}
		assertThat(ending.events()).filteredOn(e -> e instanceof CaseEvent.ApplicationAccepted).hasSize(1);
		assertThat(ending.events().get(ending.events().size() - 1)).isInstanceOf(CaseEvent.ApplicationCompleted.class);
		assertThat(ending.events()).filteredOn(e -> e instanceof CaseEvent.NoticeIssued).isEmpty();
	}

	private static CaseStep refusedAncestor(CaseFile file, CaseStep step) {
		for (String id : step.plan().dependsOn()) {
			CaseStep dependency = file.step(id).orElseThrow();
			if (dependency.state() == StepState.REFUSED) {
				return dependency;
			}
			if (dependency.state() == StepState.SKIPPED) {
				return refusedAncestor(file, dependency);
			}
		}
		throw new AssertionError("skipped without a refused step before it: " + step.id());
	}

	private static int indexOf(List<CaseEvent> events, java.util.function.Predicate<CaseEvent> test) {
		for (int i = 0; i < events.size(); i++) {
			if (test.test(events.get(i))) {
				return i;
			}
		}
		throw new AssertionError("no such event");
	}

	/** The plan of a bundle file under guides/bundles, as a case is filed under it; {@code partialOutcomes} overrides. */
	@SuppressWarnings("unchecked")
	private static CaseTerms shippedBundle(String id, Boolean partialOutcomes) throws IOException {
		Map<String, Object> bundle;
		try (Reader reader = Files.newBufferedReader(Path.of("guides/bundles", id + ".yaml"))) {
			bundle = new Yaml().load(reader);
		}
		List<StepPlan> plan = ((List<Map<String, Object>>) bundle.get("plan")).stream()
				.map(step -> new StepPlan((String) step.get("id"), (String) step.get("name"), (String) step.get("department"),
						(List<String>) step.get("items"), (List<String>) step.getOrDefault("dependsOn", List.of())))
				.toList();
		boolean partial = partialOutcomes != null ? partialOutcomes : (Boolean) bundle.get("partialOutcomes");
		return new CaseTerms(id, (String) bundle.get("name"), 1, plan, (Integer) bundle.get("committedLimit"), partial,
				Map.of(), Set.of(), "451421", 10, 5);
	}
}
