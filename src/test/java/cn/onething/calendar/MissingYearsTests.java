package cn.onething.calendar;

import org.junit.jupiter.api.Test;

import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.day;
import static cn.onething.calendar.Region.GUANGXI;
import static cn.onething.calendar.Region.NATIONAL;
import static org.assertj.core.api.Assertions.assertThat;

class MissingYearsTests {

	@Test
	void nothingIsMissingBeforeNovemberWhenThisYearIsThere() {
		assertThat(SHIPPED.missingYears(day("2026-10-31"))).isEmpty();
		assertThat(SHIPPED.warnings(day("2026-10-31"))).noneMatch(w -> w.region().equals(NATIONAL));
	}

	@Test
	void missingNextYearIsWarnedFromNovember() {
		// The State Council publishes next year's schedule in October or November; limits counted from then on
		// already reach into it, and until the file exists they are counted Monday to Friday.
		assertThat(SHIPPED.missingYears(day("2026-11-01"))).containsExactly(2027);
		assertThat(SHIPPED.warnings(day("2026-11-01")))
				.anySatisfy(w -> {
					assertThat(w.region()).isEqualTo(NATIONAL);
					assertThat(w.year()).isEqualTo(2027);
					assertThat(w.message()).contains("缺少2027年全国节假日安排", "national-2027.yaml");
				});
	}

	@Test
	void aMissingCurrentYearIsWarnedAllYear() {
		assertThat(SHIPPED.missingYears(day("2027-03-01"))).containsExactly(2027);
		assertThat(SHIPPED.missingYears(day("2027-11-15"))).containsExactly(2027, 2028);
	}

	@Test
	void aMissingGuangxiYearIsWarnedToo() {
		assertThat(SHIPPED.warnings(day("2026-11-01")))
				.anySatisfy(w -> {
					assertThat(w.region()).isEqualTo(GUANGXI);
					assertThat(w.year()).isEqualTo(2027);
					assertThat(w.message()).contains("广西壮族自治区", "壮族三月三");
				});
	}

	@Test
	void aFileNotYetCheckedAgainstItsNoticeIsWarned() {
		assertThat(SHIPPED.warnings(day("2026-05-01")))
				.singleElement()
				.satisfies(w -> {
					assertThat(w.region()).isEqualTo(GUANGXI);
					assertThat(w.year()).isEqualTo(2026);
					assertThat(w.message()).contains("confirmed: false");
				});
	}

	@Test
	void aCalendarWithoutAnyFileWarnsOnlyAboutTheNation() {
		assertThat(WorkingDayCalendar.weekdaysOnly().warnings(day("2026-05-01")))
				.singleElement()
				.satisfies(w -> assertThat(w.year()).isEqualTo(2026));
	}
}
