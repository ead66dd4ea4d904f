package cn.onething.calendar;

import org.junit.jupiter.api.Test;

import static cn.onething.calendar.CalendarFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NewMoonsTests {

	@Test
	void theNewMoonOfFebruary1977IsMeeusWorkedExample() {
		// Astronomical Algorithms, example 49.a: k = -283, JDE 2443192.65118 (1977-02-18 03:37:42 TD).
		assertThat(NewMoons.instant(-283)).isCloseTo(2443192.65118, within(0.00001));
	}

	@Test
	void aNewMoonMinutesBeforeMidnightInBeijingStartsItsMonthThatDay() {
		// 2027-02-06 15:56 UTC = 23:56 in Beijing: 春节 2027 is 02-06, whichever nearby day is asked.
		assertThat(NewMoons.dayNearest(day("2027-02-07"))).isEqualTo(day("2027-02-06"));
		assertThat(NewMoons.dayNearest(day("2027-01-25"))).isEqualTo(day("2027-02-06"));
	}

	@Test
	void aNewMoonMinutesAfterMidnightInBeijingStartsItsMonthTheNextDay() {
		// 2030-02-02 16:07 UTC = 00:07 on 02-03 in Beijing.
		assertThat(NewMoons.dayNearest(day("2030-02-02"))).isEqualTo(day("2030-02-03"));
	}
}
