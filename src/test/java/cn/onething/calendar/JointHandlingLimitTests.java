package cn.onething.calendar;

import org.junit.jupiter.api.Test;

import static cn.onething.calendar.CalendarFixture.SHIPPED;
import static cn.onething.calendar.CalendarFixture.day;
import static cn.onething.calendar.Region.NATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JointHandlingLimitTests {

	@Test
	void aJointlyHandledBundleIsCappedAtFortyFiveWorkingDays() {
		JointHandlingLimit limit = JointHandlingLimit.forPlan(50);

		assertThat(limit.workingDays()).isEqualTo(45);
		assertThat(limit.planExceedsCap()).isTrue();
		assertThat(limit.isExtended()).isFalse();
	}

	@Test
	void aShorterPlanKeepsItsOwnLimit() {
		JointHandlingLimit limit = JointHandlingLimit.forPlan(25);

		assertThat(limit.workingDays()).isEqualTo(25);
		assertThat(limit.planExceedsCap()).isFalse();
	}

	@Test
	void theCapCanBeExtendedOnceByFifteenWorkingDaysWithAReasonToldToTheApplicant() {
		JointHandlingLimit extended = JointHandlingLimit.forPlan(50).extend("需现场核查的企业较多，经县人民政府负责人批准延长");

		assertThat(extended.workingDays()).isEqualTo(60);
		assertThat(extended.isExtended()).isTrue();
		assertThat(extended.planExceedsCap()).isFalse();
		assertThat(extended.extensionReason()).contains("经县人民政府负责人批准");
	}

	@Test
	void anExtensionWithoutAReasonIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> JointHandlingLimit.forPlan(50).extend(" "));
	}

	@Test
	void aSecondExtensionIsRefused() {
		JointHandlingLimit extended = JointHandlingLimit.forPlan(50).extend("理由");

		assertThatIllegalStateException().isThrownBy(() -> extended.extend("再延长"));
	}

	@Test
	void aLimitAboveTheCapCannotBeMadeUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new JointHandlingLimit(50, 46, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new JointHandlingLimit(70, 61, "理由"));
	}

	@Test
	void theBundleDeadlineCountsFromAcceptance() {
		Deadline deadline = JointHandlingLimit.forPlan(50).deadlineFrom(day("2026-03-02"), NATIONAL);

		assertThat(deadline.workingDays()).isEqualTo(45);
		assertThat(deadline.dueDate(SHIPPED)).isEqualTo(SHIPPED.addWorkingDays(day("2026-03-02"), 45, NATIONAL));
	}
}
