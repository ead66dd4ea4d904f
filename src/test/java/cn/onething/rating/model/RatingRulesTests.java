package cn.onething.rating.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.onething.calendar.WorkingDayCalendar;
import cn.onething.casework.TermsFixture;
import cn.onething.casework.model.Actor;
import cn.onething.casework.model.CaseContext;
import cn.onething.casework.model.CaseFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of 好差评 without Spring: who may rate when, what a rating says, and the loop of a bad rating. */
class RatingRulesTests {

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
	static final Actor REVIEWER = new Actor(Actor.Kind.REVIEWER, "r1", "审核员");
	static final RatingAnswers SATISFIED = RatingAnswers.read("satisfied", List.of("onsite-attitude"), "窗口很耐心");

	static CaseFile received() {
		CaseContext context = new CaseContext(Actor.applicant(), NOW, WorkingDayCalendar.weekdaysOnly());
		return CaseFile.submit(UUID.randomUUID().toString(), "FS12345678", TermsFixture.parallelTerms(), context).after();
	}

	static CaseFile completed() {
		CaseContext context = new CaseContext(REVIEWER, NOW, WorkingDayCalendar.weekdaysOnly());
		CaseFile file = received().approve("hukou", null, context).after();
		return file.approve("insurance", null, context).after();
	}

	@Test
	void aCaseNotCompletedCannotBeRated() {
		assertThatThrownBy(() -> Rating.give(received(), false, SATISFIED, Channel.MOBILE, NOW))
				.isInstanceOf(RatingRefused.class).hasMessage("本件尚未办结，办结后才能评价。");
	}

	@Test
	void aCaseIsRatedOnlyOnce() {
		assertThatThrownBy(() -> Rating.give(completed(), true, SATISFIED, Channel.MOBILE, NOW))
				.isInstanceOf(RatingRefused.class).hasMessage("本件已经评价过了，每件只能评价一次。");
	}

	@Test
	void aRatingCarriesTheFieldsNationalPlatformsExchange() {
		CaseFile file = completed();

		Rating rating = Rating.give(file, false, SATISFIED, Channel.MOBILE, NOW);

		assertThat(rating.caseId()).isEqualTo(file.id());
		assertThat(rating.receiptCode()).isEqualTo("FS12345678");
		assertThat(rating.itemCodes()).containsExactly("000707001000", "002040416000");
		assertThat(rating.departmentIds()).containsExactly("public-security", "medical-security");
		assertThat(rating.channel()).isEqualTo(Channel.MOBILE);
		assertThat(rating.level().score()).isEqualTo(4);
		assertThat(rating.indicators()).containsExactly(Indicator.ONSITE_ATTITUDE);
		assertThat(rating.ratedAt()).isEqualTo(NOW);
	}

	@Test
	void everyWrongAnswerIsNamedAtOnce() {
		assertThatThrownBy(() -> RatingAnswers.read("excellent", List.of("speed"), "x".repeat(501)))
				.isInstanceOfSatisfying(RatingAnswers.Rejected.class, rejected -> assertThat(rejected.problems())
						.containsOnlyKeys("level", "indicators", "comment"));
		assertThatThrownBy(() -> RatingAnswers.read(null, null, "a\u0000b"))
				.isInstanceOfSatisfying(RatingAnswers.Rejected.class, rejected -> assertThat(rejected.problems())
						.containsOnlyKeys("level", "comment"));
	}

	@Test
	void aBadRatingSaysWhatWasWrong() {
		assertThatThrownBy(() -> RatingAnswers.read("very-dissatisfied", List.of(), " "))
				.isInstanceOfSatisfying(RatingAnswers.Rejected.class, rejected -> assertThat(rejected.problems().get("comment"))
						.contains("原因"));
		assertThat(RatingAnswers.read("very-dissatisfied", List.of("online-usability"), "").level().bad()).isTrue();
	}

	@Test
	void onlyDissatisfiedAndVeryDissatisfiedAreBadRatings() {
		assertThat(List.of(Level.values())).filteredOn(Level::bad).containsExactly(Level.DISSATISFIED, Level.VERY_DISSATISFIED);
	}

	@Test
	void aFollowUpClosesOnlyAfterContactRectificationAndReply() {
		FollowUp open = FollowUp.open(UUID.randomUUID(), "case", "FS12345678", Level.DISSATISFIED, NOW, LocalDate.of(2026, 3, 9));
		FollowUp contacted = open.record(FollowUp.Part.CONTACT, "已电话联系", "主管", NOW)
				.record(FollowUp.Part.RECTIFICATION, "已培训窗口人员", "主管", NOW);

		assertThatThrownBy(() -> contacted.close("办结", "主管", NOW)).isInstanceOf(RatingRefused.class).hasMessageContaining("答复申请人");

		FollowUp closed = contacted.record(FollowUp.Part.REPLY, "已答复", "主管", NOW).close("办结", "主管", NOW);
		assertThat(closed.stillOpen()).isFalse();
		assertThatThrownBy(() -> closed.record(FollowUp.Part.REPLY, "再改", "主管", NOW)).isInstanceOf(RatingRefused.class);
	}

	@Test
	void theApplicantRatesTheRectificationOnceAndOnlyAfterItWasClosed() {
		FollowUp open = FollowUp.open(UUID.randomUUID(), "case", "FS12345678", Level.DISSATISFIED, NOW, LocalDate.of(2026, 3, 9));
		assertThatThrownBy(() -> open.rate(Level.SATISFIED, NOW)).isInstanceOf(RatingRefused.class);

		FollowUp rated = open.record(FollowUp.Part.CONTACT, "a", "主管", NOW).record(FollowUp.Part.RECTIFICATION, "b", "主管", NOW)
				.record(FollowUp.Part.REPLY, "c", "主管", NOW).close("d", "主管", NOW).rate(Level.BASICALLY_SATISFIED, NOW);

		assertThat(rated.verdict()).isEqualTo(Level.BASICALLY_SATISFIED);
		assertThatThrownBy(() -> rated.rate(Level.SATISFIED, NOW)).isInstanceOf(RatingRefused.class);
	}

	@Test
	void aFollowUpIsOverdueTheDayAfterItsDueDateWhileOpen() {
		FollowUp open = FollowUp.open(UUID.randomUUID(), "case", "FS12345678", Level.DISSATISFIED, NOW, LocalDate.of(2026, 3, 9));

		assertThat(open.overdueOn(LocalDate.of(2026, 3, 9))).isFalse();
		assertThat(open.overdueOn(LocalDate.of(2026, 3, 10))).isTrue();
	}

	@Test
	void onlyABadRatingOpensAFollowUp() {
		assertThatThrownBy(() -> FollowUp.open(UUID.randomUUID(), "case", "FS1", Level.BASICALLY_SATISFIED, NOW, LocalDate.of(2026, 3, 9)))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
