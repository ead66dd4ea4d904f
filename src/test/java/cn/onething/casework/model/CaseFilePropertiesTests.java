package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.onething.casework.model.CaseFixture.MONDAY;
import static cn.onething.casework.model.CaseFixture.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random histories of reviewers, applicants, supervisors and the scheduler, played against the rules: whatever
 * happens, the invariants of 行政许可法 §32 and of the plan hold.
 */
class CaseFilePropertiesTests {

	static final List<String> KEYS = List.copyOf(CaseFixture.MATERIALS.keySet());

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 })
	void randomHistoriesKeepTheRulesOfTheOneTimeNotice(long seed) {
		Random random = new Random(seed);
		for (int history = 0; history < 50; history++) {
			play(random, random.nextBoolean());
		}
	}

	private void play(Random random, boolean partialOutcomes) {
		CaseFile file = CaseFixture.received(partialOutcomes);
		LocalDate day = MONDAY;
		List<CaseEvent> events = new ArrayList<>();
		for (int move = 0; move < 40 && file.completion() == null; move++) {
			day = day.plusDays(random.nextInt(3));
			try {
				CaseChange change = randomMove(file, random, day);
				events.addAll(change.events());
				file = change.after();
			}
			catch (CaseRuleViolation refused) {
				// a command the rules refuse changes nothing: that is allowed and the file stays as it was
			}
			assertInvariants(file, events);
		}
	}

	private CaseChange randomMove(CaseFile file, Random random, LocalDate day) {
		String step = file.steps().get(random.nextInt(file.steps().size())).id();
		Actor reviewer = new Actor(Actor.Kind.REVIEWER, "r", "审核员");
		return switch (random.nextInt(10)) {
			case 0, 1 -> file.approve(step, null, on(day, reviewer));
			case 2 -> file.refuse(step, "不符合条件", on(day, reviewer));
			case 3 -> file.flag(step, List.of(CaseFixture.missing(KEYS.get(random.nextInt(KEYS.size())), "缺")), on(day, reviewer));
			case 4 -> file.flagWithException(step, List.of(CaseFixture.missing(KEYS.get(random.nextInt(KEYS.size())), "缺")),
					"主管例外", on(day, CaseFixture.SUPERVISOR));
			case 5 -> file.submitCorrection(on(day, Actor.applicant()));
			case 6 -> file.acceptTolerantly("签字", day.plusDays(30), on(day, CaseFixture.WINDOW));
			case 8 -> file.preReview(step, random.nextBoolean() ? List.of()
					: List.of(CaseFixture.missing(KEYS.get(random.nextInt(KEYS.size())), "缺")), on(day, reviewer));
			case 9 -> random.nextInt(4) == 0 ? file.refuseToAccept("不属于本机关职权范围", "崇左市人民政府", on(day, CaseFixture.WINDOW))
					: file.checkDeadlines(on(day, Actor.SYSTEM));
			default -> file.checkDeadlines(on(day, Actor.SYSTEM));
		};
	}

	private void assertInvariants(CaseFile file, List<CaseEvent> events) {
		List<OneTimeNotice> notices = file.notices();
		for (int i = 0; i < notices.size(); i++) {
			assertThat(notices.get(i).version()).isEqualTo(i + 1);
			assertThat(notices.get(i).items()).isNotEmpty();
		}
		// a later notice lists only what an earlier one listed, unless a supervisor recorded an exception for it
		List<String> allowed = new ArrayList<>();
		for (CaseEvent event : events) {
			if (event instanceof CaseEvent.ExceptionRecorded exception) {
				exception.newItems().forEach(f -> allowed.add(f.materialKey()));
			}
			if (event instanceof CaseEvent.NoticeIssued issued) {
				if (issued.notice().version() > 1) {
					assertThat(issued.notice().items()).allMatch(f -> allowed.contains(f.materialKey()));
				}
				issued.notice().items().forEach(f -> allowed.add(f.materialKey()));
			}
		}
		if (file.acceptance() != null) {
			assertThat(file.acceptance().effectiveOn()).isAfterOrEqualTo(file.receivedOn());
			if (file.acceptance().basis() == Acceptance.Basis.DEEMED) {
				assertThat(file.acceptance().effectiveOn()).isEqualTo(file.receivedOn());
			}
		}
		if (file.notices().isEmpty() && file.acceptance() != null && file.acceptance().basis() != Acceptance.Basis.DEEMED) {
			assertThat(file.acceptance().basis()).isEqualTo(Acceptance.Basis.COMPLETE);
		}
		assertThat(file.status() == CaseStatus.AWAITING_CORRECTION).isEqualTo(file.waitingForCorrectionSince() != null);
		if (file.completion() != null) {
			assertThat(file.steps()).allMatch(s -> s.state().isDecided());
			assertThat(file.status()).isEqualTo(CaseStatus.COMPLETED);
			assertThat(file.pendingFlags()).isEmpty();
			boolean notAccepted = file.completion().result() == Completion.Result.NOT_ACCEPTED;
			assertThat(file.completion().nonAcceptance() != null).isEqualTo(notAccepted);
			if (notAccepted) {
				assertThat(file.acceptance()).isNull();
				assertThat(file.steps()).allMatch(s -> s.state() == StepState.SKIPPED);
			}
		}
		// 不予受理 and 不予许可 (docs/legal.md §3.6): what ended a step is said; items that end together end at once
		assertThat(file.steps()).filteredOn(s -> s.state() == StepState.SKIPPED).allMatch(s -> s.reason() != null);
		if (!file.terms().partialOutcomes() && file.steps().stream().anyMatch(s -> s.state() == StepState.REFUSED)) {
			assertThat(file.completion()).isNotNull();
			assertThat(file.completion().approvedItems()).isEmpty();
		}
		int completed = events.stream().filter(e -> e instanceof CaseEvent.ApplicationCompleted).toList().size();
		assertThat(completed).isLessThanOrEqualTo(1);
		if (completed == 1) {
			assertThat(events.get(events.size() - 1)).isInstanceOf(CaseEvent.ApplicationCompleted.class);
		}
		for (CaseStep step : file.steps()) {
			if (step.state() == StepState.ACTIVE || step.state() == StepState.FLAGGED || step.state() == StepState.APPROVED) {
				assertThat(step.plan().dependsOn()).allMatch(d -> file.step(d).orElseThrow().state() == StepState.APPROVED);
			}
		}
	}
}
