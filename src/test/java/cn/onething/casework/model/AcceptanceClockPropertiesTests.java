package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import cn.onething.calendar.Deadline;
import cn.onething.calendar.Suspension;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static cn.onething.casework.model.CaseFixture.CALENDAR;
import static cn.onething.casework.model.CaseFixture.MONDAY;
import static cn.onething.casework.model.CaseFixture.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated sequences of staff, applicant and clock actions, each played three times: with the scheduled check never
 * running, running every day, and running on random days with restarts (the case stored as JSON and read back) and
 * outages between actions. Whatever the schedule, every action has the same outcome and the case the same
 * acceptance and due dates; a one-time notice never follows acceptance; a correction always restarts a clock.
 * <p>
 * A failure names the seed and the sequence; {@code -Dclocks.seed=N} replays one seed.
 */
class AcceptanceClockPropertiesTests {

	static final int SEQUENCES = 3000;
	static final List<String> KEYS = List.copyOf(CaseFixture.MATERIALS.keySet());
	static final JsonMapper JSON = JsonMapper.builder().build();

	enum Schedule { NEVER, DAILY, RANDOM_WITH_RESTARTS }

	enum Kind { APPROVE, REFUSE, FLAG, FLAG_WITH_EXCEPTION, CORRECT, ACCEPT_TOLERANTLY, START_PROCEDURE, END_PROCEDURE, EXTEND }

	/** One action: so many days after the previous one, by whom, on which step and material. */
	record Move(int daysLater, Kind kind, int step, int key) {

		@Override
		public String toString() {
			return "+" + daysLater + "d " + kind
					+ (kind == Kind.CORRECT || kind == Kind.ACCEPT_TOLERANTLY || kind == Kind.EXTEND ? "" : " step" + step)
					+ (kind == Kind.FLAG || kind == Kind.FLAG_WITH_EXCEPTION ? " " + KEYS.get(key) : "");
		}
	}

	/** What must not depend on the schedule: everything but reminders and the day an acceptance was written down. */
	record Facts(CaseStatus status, List<StepState> steps, List<OneTimeNotice> notices, List<Suspension> suspensions,
			LocalDate acceptedOn, Acceptance.Basis basis, LocalDate decisionDue, Optional<LocalDate> reviewDue,
			Completion completion, List<Optional<LocalDate>> stepsDue, Optional<LocalDate> expectedCompletion,
			List<SpecialProcedure> procedures) {

		static Facts of(CaseFile file) {
			CaseSchedule schedule = CaseSchedule.of(file, CALENDAR);
			return new Facts(file.status(), file.steps().stream().map(CaseStep::state).toList(), file.notices(),
					file.suspensions(), file.acceptance() == null ? null : file.acceptance().effectiveOn(),
					file.acceptance() == null ? null : file.acceptance().basis(),
					file.deadline().map(d -> d.dueDate(CALENDAR)).orElse(null), file.correctionReviewDueOn(CALENDAR),
					file.completion(), file.steps().stream().map(step -> schedule.stepDueOn(step.id())).toList(),
					schedule.expectedCompletionOn(), file.specialProcedures());
		}
	}

	/** What one play saw after each action: refused or not, and the facts as read that day. */
	record Trace(List<String> outcomes, List<Facts> facts) {
	}

	@Test
	void acceptanceAndDueDatesNeverDependOnWhenTheScheduledCheckRan() {
		String replay = System.getProperty("clocks.seed");
		long first = replay == null ? 1 : Long.parseLong(replay);
		long count = replay == null ? SEQUENCES : 1;
		for (long seed = first; seed < first + count; seed++) {
			List<Move> moves = generate(new Random(seed));
			try {
				Trace never = play(moves, Schedule.NEVER, seed);
				for (Schedule schedule : List.of(Schedule.DAILY, Schedule.RANDOM_WITH_RESTARTS)) {
					Trace other = play(moves, schedule, seed);
					for (int i = 0; i < moves.size(); i++) {
						assertThat(other.outcomes().get(i)).as("outcome of move %d under %s", i, schedule).isEqualTo(never.outcomes().get(i));
						assertThat(other.facts().get(i)).as("case after move %d under %s", i, schedule).isEqualTo(never.facts().get(i));
					}
				}
			}
			catch (AssertionError broken) {
				throw new AssertionError("seed " + seed + " (replay with -Dclocks.seed=" + seed + "), moves:\n  "
						+ moves.stream().map(Move::toString).collect(Collectors.joining("\n  ")) + "\n" + broken.getMessage(), broken);
			}
		}
	}

	static List<Move> generate(Random random) {
		List<Move> moves = new ArrayList<>();
		int length = 5 + random.nextInt(25);
		for (int i = 0; i < length; i++) {
			// mostly the same or the next day, so that notices and corrections happen in time as often as not
			int gap = random.nextInt(20);
			int daysLater = gap < 11 ? 0 : gap < 16 ? 1 : gap < 19 ? 2 + random.nextInt(3) : random.nextInt(12);
			Kind kind = switch (random.nextInt(15)) {
				case 0, 1, 2 -> Kind.APPROVE;
				case 3 -> Kind.REFUSE;
				case 4, 5, 6 -> Kind.FLAG;
				case 7 -> Kind.FLAG_WITH_EXCEPTION;
				case 8, 9, 10 -> Kind.CORRECT;
				case 11 -> Kind.ACCEPT_TOLERANTLY;
				case 12 -> Kind.START_PROCEDURE;
				case 13 -> Kind.END_PROCEDURE;
				default -> Kind.EXTEND;
			};
			moves.add(new Move(daysLater, kind, random.nextInt(4), random.nextInt(KEYS.size())));
		}
		return moves;
	}

	/** Plays the moves with the check run as the schedule says, asserting the rules after every action. */
	private Trace play(List<Move> moves, Schedule schedule, long seed) {
		Random jobs = new Random(seed * 31 + schedule.ordinal());
		CaseFile file = CaseFixture.received(seed % 2 == 0);
		LocalDate day = MONDAY;
		List<String> outcomes = new ArrayList<>();
		List<Facts> facts = new ArrayList<>();
		List<String> excepted = new ArrayList<>();
		for (int i = 0; i < moves.size(); i++) {
			Move move = moves.get(i);
			for (int d = 0; d < move.daysLater(); d++) {
				day = day.plusDays(1);
				file = scheduled(file, day, schedule, jobs);
			}
			try {
				CaseFile before = file.asOf(on(day, Actor.SYSTEM));
				try {
					CaseChange change = apply(file, move, day);
					assertRulesOfTheChange(before, change, move, day, excepted);
					file = change.after();
					outcomes.add("done");
				}
				catch (CaseRuleViolation refused) {
					outcomes.add("refused: " + refused.getMessage());
				}
				CaseFile read = file.asOf(on(day, Actor.SYSTEM));
				assertRulesOfTheCase(before, read, day);
				facts.add(Facts.of(read));
			}
			catch (AssertionError broken) {
				throw new AssertionError("move " + i + " (" + move + ", " + day + ") under " + schedule + ": " + broken.getMessage(), broken);
			}
		}
		return new Trace(outcomes, facts);
	}

	private CaseFile scheduled(CaseFile file, LocalDate day, Schedule schedule, Random jobs) {
		return switch (schedule) {
			case NEVER -> file;
			case DAILY -> file.checkDeadlines(on(day, Actor.SYSTEM)).after();
			case RANDOM_WITH_RESTARTS -> {
				CaseFile now = jobs.nextInt(4) == 0 ? file.checkDeadlines(on(day, Actor.SYSTEM)).after() : file;
				yield jobs.nextInt(5) == 0 ? restarted(now) : now;
			}
		};
	}

	/** A restart: nothing survives but what was stored. */
	private static CaseFile restarted(CaseFile file) {
		CaseFile read = JSON.readValue(JSON.writeValueAsString(file), CaseFile.class);
		assertThat(read).isEqualTo(file);
		return read;
	}

	private static CaseChange apply(CaseFile file, Move move, LocalDate day) {
		String step = file.steps().get(move.step()).id();
		Actor reviewer = new Actor(Actor.Kind.REVIEWER, "r", "审核员");
		Flag flag = CaseFixture.missing(KEYS.get(move.key()), "缺");
		return switch (move.kind()) {
			case APPROVE -> file.approve(step, null, on(day, reviewer));
			case REFUSE -> file.refuse(step, "不符合条件", on(day, reviewer));
			case FLAG -> file.flag(step, List.of(flag), on(day, reviewer));
			case FLAG_WITH_EXCEPTION -> file.flagWithException(step, List.of(flag), "主管例外", on(day, CaseFixture.SUPERVISOR));
			case CORRECT -> file.submitCorrection(on(day, Actor.applicant()));
			case ACCEPT_TOLERANTLY -> file.acceptTolerantly("签字", day.plusDays(30), on(day, CaseFixture.WINDOW));
			// started today or up to two days back, expected to last up to a fortnight
			case START_PROCEDURE -> file.startSpecialProcedure(step, SpecialProcedure.Kind.values()[move.key()],
					"中止", day.minusDays(move.key() % 3), day.plusDays(move.key() * 3L), on(day, reviewer));
			case END_PROCEDURE -> file.endSpecialProcedure(step, on(day, reviewer));
			case EXTEND -> file.extendDeadline("延期", on(day, CaseFixture.HEAD));
		};
	}

	/** {@code excepted}: the materials supervisors recorded exceptions for so far, added to here. */
	private static void assertRulesOfTheChange(CaseFile before, CaseChange change, Move move, LocalDate day,
			List<String> excepted) {
		CaseFile after = change.after();
		change.events().stream().filter(CaseEvent.ExceptionRecorded.class::isInstance)
				.forEach(e -> ((CaseEvent.ExceptionRecorded) e).newItems().forEach(f -> excepted.add(f.materialKey())));
		for (CaseEvent event : change.events()) {
			if (event instanceof CaseEvent.NoticeIssued issued && before.acceptance() != null) {
				List<String> unexcepted = issued.notice().items().stream().map(Flag::materialKey).filter(k -> !excepted.contains(k)).toList();
				if (before.acceptance().basis().byLaw()) {
					assertThat(unexcepted).as("a notice follows an acceptance by law only on a supervisor's exception").isEmpty();
				}
				assertThat(unexcepted).as("after acceptance a notice only repeats listed items or carries an exception")
						.allMatch(key -> before.notices().stream().anyMatch(n -> n.lists(key)));
			}
			if (event instanceof CaseEvent.NoticeIssued issued && before.acceptance() == null) {
				assertThat(issued.notice().issuedOn()).as("a notice is issued no later than the last day to ask")
						.isBeforeOrEqualTo(before.lastDayToAsk(CALENDAR).orElse(day));
			}
		}
		if (move.kind() == Kind.START_PROCEDURE || move.kind() == Kind.END_PROCEDURE || move.kind() == Kind.EXTEND) {
			assertNeverShortened(before, after, move);
		}
		if (move.kind() == Kind.CORRECT) {
			// a correction always restarts a clock: the review of the corrections, or the decision clock
			if (after.acceptance() == null) {
				assertThat(after.correctionReviewDueOn(CALENDAR)).contains(CALENDAR.addWorkingDays(day, 5, after.region()));
			}
			else {
				assertThat(after.status()).isNotEqualTo(CaseStatus.AWAITING_CORRECTION);
				assertThat(after.suspensions().get(after.suspensions().size() - 1).to()).isEqualTo(day);
				Deadline deadline = after.deadline().orElseThrow();
				LocalDate next = CALENDAR.nextWorkingDay(day, after.region());
				// unless a special procedure (§45) holds the clock on that day too
				if (after.specialProcedures().stream().noneMatch(p -> p.suspension().contains(next))) {
					assertThat(deadline.workingDaysLeft(next, CALENDAR))
							.as("the decision clock runs again from the next working day")
							.isEqualTo(deadline.workingDaysLeft(day, CALENDAR) - 1);
				}
			}
		}
	}

	/**
	 * Suspensions and extensions never shorten a deadline: no open step, nor the bundle, nor the expected completion
	 * is due earlier than before them. Ending a procedure before its expected end gives back the days not used, so it
	 * is compared with the days the procedure actually ran.
	 */
	private static void assertNeverShortened(CaseFile before, CaseFile after, Move move) {
		CaseSchedule was = CaseSchedule.of(move.kind() == Kind.END_PROCEDURE ? withoutProcedures(before) : before, CALENDAR);
		CaseSchedule is = CaseSchedule.of(after, CALENDAR);
		assertThat(is.bundleDueOn().orElseThrow()).as("bundle due after %s", move).isAfterOrEqualTo(was.bundleDueOn().orElseThrow());
		assertThat(is.expectedCompletionOn().orElseThrow()).isAfterOrEqualTo(was.expectedCompletionOn().orElseThrow());
		for (CaseStep step : after.steps()) {
			was.stepDueOn(step.id()).ifPresent(due -> assertThat(is.stepDueOn(step.id()).orElseThrow())
					.as("due date of %s after %s", step.id(), move).isAfterOrEqualTo(due));
		}
	}

	private static CaseFile withoutProcedures(CaseFile file) {
		return new CaseFile(file.id(), file.receiptCode(), file.terms(), file.receivedOn(), file.status(), file.steps(),
				file.roundSteps(), file.pendingFlags(), file.notices(), file.suspensions(), file.waitingForCorrectionSince(),
				file.warnedNoticeVersion(), file.acceptance(), file.promise(), file.extensionReason(), file.completion(),
				List.of(), file.extendedOn(), file.preReviewed());
	}

	private static void assertRulesOfTheCase(CaseFile before, CaseFile read, LocalDate day) {
		if (before.acceptance() != null) {
			assertThat(read.acceptance().effectiveOn()).as("acceptance never moves").isEqualTo(before.acceptance().effectiveOn());
			assertThat(read.acceptance().basis()).isEqualTo(before.acceptance().basis());
		}
		Acceptance acceptance = read.acceptance();
		if (acceptance != null && acceptance.basis() == Acceptance.Basis.DEEMED) {
			assertThat(acceptance.effectiveOn()).isEqualTo(read.receivedOn());
			assertThat(day).isAfter(read.noticeDueOn(CALENDAR));
			assertThat(read.notices()).allMatch(n -> n.issuedOn().isAfter(read.noticeDueOn(CALENDAR)),
					"a notice never precedes a deemed acceptance (it would have stopped it)");
		}
		if (acceptance != null && acceptance.basis() == Acceptance.Basis.CORRECTIONS_UNREVIEWED) {
			assertThat(read.suspensions().stream().map(Suspension::to)).contains(acceptance.effectiveOn());
			assertThat(read.notices()).anyMatch(n -> !n.issuedOn().isAfter(acceptance.effectiveOn()));
		}
		if (acceptance == null && read.status() == CaseStatus.REVIEWING && read.completion() == null) {
			assertThat(read.lastDayToAsk(CALENDAR)).as("an unaccepted case under review has a running clock").isPresent()
					.get().satisfies(last -> assertThat(day).isBeforeOrEqualTo(last));
		}
		if (read.status() == CaseStatus.AWAITING_CORRECTION) {
			assertThat(read.lastDayToAsk(CALENDAR)).as("waiting for the applicant stops the clocks of asking").isEmpty();
		}
		assertThat(Objects.equals(read.status() == CaseStatus.AWAITING_CORRECTION, read.waitingForCorrectionSince() != null)).isTrue();
	}
}
