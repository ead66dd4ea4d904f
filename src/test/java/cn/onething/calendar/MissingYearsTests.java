package cn.onething.calendar;

import cn.onething.calendar.CalendarWarning.Kind;
import org.junit.jupiter.api.Test;

import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.day;
import static cn.onething.calendar.Region.GUANGXI;
import static cn.onething.calendar.Region.NATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MissingYearsTests {

	@Test
	void nothingIsMissingWhileNoLimitCanReachNextYear() {
		assertThat(SHIPPED.missingYears(day("2026-09-30"))).isEmpty();
		assertThat(SHIPPED.warnings(day("2026-09-30"))).noneMatch(w -> w.kind() == Kind.UNPUBLISHED);
	}

	@Test
	void anUnpublishedNextYearIsWarnedOnceALimitCanReachIt() {
		// 60 working days (a joint bundle with its extension) counted from 1 October end in the new year; the State
		// Council publishes in October or November, and until the file is added only statutory days are skipped.
		assertThat(SHIPPED.missingYears(day("2026-10-01"))).containsExactly(2027);
		assertThat(SHIPPED.warnings(day("2026-10-01")))
				.anySatisfy(w -> {
					assertThat(w.kind()).isEqualTo(Kind.UNPUBLISHED);
					assertThat(w.region()).isEqualTo(NATIONAL);
					assertThat(w.year()).isEqualTo(2027);
					assertThat(w.message()).contains("尚未添加2027年全国节假日安排", "national-2027.yaml", "法定节假日",
							"不含调休上班和连休");
				});
	}

	@Test
	void aMissingCurrentYearIsWarnedAllYear() {
		assertThat(SHIPPED.missingYears(day("2027-03-01"))).containsExactly(2027);
		assertThat(SHIPPED.missingYears(day("2027-11-15"))).containsExactly(2027, 2028);
	}

	@Test
	void anUnpublishedGuangxiYearNamesTheZhuangMarchThirdItStillSkips() {
		assertThat(SHIPPED.warnings(day("2026-12-07")))
				.anySatisfy(w -> {
					assertThat(w.kind()).isEqualTo(Kind.UNPUBLISHED);
					assertThat(w.region()).isEqualTo(GUANGXI);
					assertThat(w.year()).isEqualTo(2027);
					assertThat(w.message()).contains("广西壮族自治区", "guangxi-2027.yaml", "壮族三月三 4月9日、4月10日");
				});
	}

	@Test
	void aFileNotYetCheckedAgainstItsNoticeIsWarnedWithItsDays() {
		assertThat(SHIPPED.warnings(day("2026-05-01")))
				.singleElement()
				.satisfies(w -> {
					assertThat(w.kind()).isEqualTo(Kind.UNCONFIRMED);
					assertThat(w.region()).isEqualTo(GUANGXI);
					assertThat(w.year()).isEqualTo(2026);
					assertThat(w.message()).contains("confirmed: false", "壮族三月三 4月19日、4月20日");
				});
	}

	@Test
	void inDecember2026TwoUnpublishedYearsAndTheUnconfirmedMarchThirdAreWarned() {
		assertThat(SHIPPED.warnings(day("2026-12-07")))
				.extracting(CalendarWarning::kind, CalendarWarning::region, CalendarWarning::year)
				.containsExactly(
						tuple(Kind.UNPUBLISHED, NATIONAL, 2027),
						tuple(Kind.UNPUBLISHED, GUANGXI, 2027),
						tuple(Kind.UNCONFIRMED, GUANGXI, 2026));
	}

	@Test
	void aCalendarWithoutAnyFileOrLawWarnsOnlyAboutTheNation() {
		assertThat(WorkingDayCalendar.weekdaysOnly().warnings(day("2026-05-01")))
				.singleElement()
				.satisfies(w -> assertThat(w.year()).isEqualTo(2026));
	}
}
