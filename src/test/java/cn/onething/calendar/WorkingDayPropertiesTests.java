package cn.onething.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Laws that hold for any start, limit and region, checked on many random cases from a fixed seed (so a failure
 * is reproducible) over the years the shipped files cover and a little beyond.
 */
class WorkingDayPropertiesTests {

	static final int RUNS = 400;
	static final LocalDate FIRST = LocalDate.of(2024, 12, 1);
	static final int SPAN_DAYS = 800;
	static final List<Region> REGIONS = List.of(Region.NATIONAL, Region.GUANGXI, Region.of("451421"), Region.of("440304"));

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = {1, 45, 2026})
	void theEndOfALimitIsAWorkingDayAfterTheStart(long seed) {
		Random random = new Random(seed);
		for (int run = 0; run < RUNS; run++) {
			LocalDate start = randomDay(random);
			int n = 1 + random.nextInt(90);
			Region region = randomRegion(random);
			LocalDate end = SHIPPED.addWorkingDays(start, n, region);

			assertThat(SHIPPED.isWorkingDay(end, region)).as("%s + %d in %s", start, n, region).isTrue();
			assertThat(end).isAfter(start);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = {2, 82, 201})
	void countingBackTheDaysOfALimitGivesTheLimit(long seed) {
		Random random = new Random(seed);
		for (int run = 0; run < RUNS; run++) {
			LocalDate start = randomDay(random);
			int n = 1 + random.nextInt(90);
			Region region = randomRegion(random);

			assertThat(SHIPPED.workingDaysBetween(start, SHIPPED.addWorkingDays(start, n, region), region))
					.as("%s + %d in %s", start, n, region).isEqualTo(n);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = {3, 42})
	void aLongerLimitEndsStrictlyLaterAndLimitsAdd(long seed) {
		Random random = new Random(seed);
		for (int run = 0; run < RUNS; run++) {
			LocalDate start = randomDay(random);
			int a = 1 + random.nextInt(40);
			int b = 1 + random.nextInt(40);
			Region region = randomRegion(random);
			LocalDate afterA = SHIPPED.addWorkingDays(start, a, region);

			assertThat(SHIPPED.addWorkingDays(start, a + 1, region)).isAfter(afterA);
			assertThat(SHIPPED.addWorkingDays(start, a + b, region)).isEqualTo(SHIPPED.addWorkingDays(afterA, b, region));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = {4, 1949})
	void workingDaysBetweenIsAntisymmetricAndAdditive(long seed) {
		Random random = new Random(seed);
		for (int run = 0; run < RUNS; run++) {
			LocalDate a = randomDay(random);
			LocalDate b = randomDay(random);
			LocalDate c = randomDay(random);
			Region region = randomRegion(random);

			assertThat(SHIPPED.workingDaysBetween(a, b, region)).isEqualTo(-SHIPPED.workingDaysBetween(b, a, region));
			assertThat(SHIPPED.workingDaysBetween(a, b, region) + SHIPPED.workingDaysBetween(b, c, region))
					.isEqualTo(SHIPPED.workingDaysBetween(a, c, region));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = {5, 32, 45})
	void suspensionsMoveTheDueDateByExactlyTheWorkingDaysTheyStop(long seed) {
		Random random = new Random(seed);
		for (int run = 0; run < RUNS; run++) {
			LocalDate accepted = randomDay(random);
			int limit = 1 + random.nextInt(60);
			Region region = randomRegion(random);
			Deadline deadline = Deadline.of(accepted, limit, region);
			for (int s = random.nextInt(4); s > 0; s--) {
				LocalDate from = accepted.plusDays(random.nextInt(80) - 10);
				deadline = deadline.suspendedFor(new Suspension(from, from.plusDays(random.nextInt(20)), "补正"));
			}
			LocalDate due = deadline.dueDate(SHIPPED);

			assertThat(SHIPPED.isWorkingDay(due, region)).isTrue();
			assertThat(deadline.suspensions()).noneMatch(suspension -> suspension.contains(due));
			assertThat(SHIPPED.workingDaysBetween(accepted, due, region))
					.as("%s", deadline).isEqualTo(limit + deadline.suspendedWorkingDays(SHIPPED));
			assertThat(deadline.workingDaysLeft(due, SHIPPED)).isZero();
			if (deadline.suspensions().isEmpty()) {
				assertThat(due).isEqualTo(SHIPPED.addWorkingDays(accepted, limit, region));
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = {6, 2025})
	void overlappingSuspensionsCountAsTheirUnion(long seed) {
		Random random = new Random(seed);
		for (int run = 0; run < RUNS; run++) {
			LocalDate accepted = randomDay(random);
			Region region = randomRegion(random);
			LocalDate from = accepted.plusDays(random.nextInt(30));
			LocalDate to = from.plusDays(random.nextInt(30));
			// Pieces that each reach at least to the start of the next, often beyond: together exactly [from, to].
			List<Suspension> pieces = new ArrayList<>();
			LocalDate cut = from;
			while (!cut.isAfter(to)) {
				int step = 1 + random.nextInt(7);
				LocalDate end = cut.plusDays(step + random.nextInt(5));
				pieces.add(new Suspension(cut, end.isAfter(to) ? to : end, "补正"));
				cut = cut.plusDays(step);
			}
			Collections.shuffle(pieces, random);
			Deadline union = new Deadline(accepted, 20, region, List.of(new Suspension(from, to, "补正")));
			Deadline overlapping = new Deadline(accepted, 20, region, pieces);

			assertThat(overlapping.dueDate(SHIPPED)).as("%s", pieces).isEqualTo(union.dueDate(SHIPPED));
			assertThat(overlapping.suspendedWorkingDays(SHIPPED)).isEqualTo(union.suspendedWorkingDays(SHIPPED));
		}
	}

	private static LocalDate randomDay(Random random) {
		return FIRST.plusDays(random.nextInt(SPAN_DAYS));
	}

	private static Region randomRegion(Random random) {
		return REGIONS.get(random.nextInt(REGIONS.size()));
	}
}
