package cn.onething.village;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The township's list of quarterly matters its committees did not update in time. */
class SupervisionTests {

	static final Township XINNING = EntryRulesTests.PLACES.townships().get(0);
	static final List<DisclosureItem> ITEMS = EntryRulesTests.PLACES.items();

	@Test
	void theQuartersAccountsAreOverdueOnceItsDueDayHasPassedWithoutAnEntry() {
		List<Overdue> overdue = Supervision.overdue(XINNING, ITEMS,
				Map.of(Supervision.key("chengdong", "village-finance"), LocalDate.of(2026, 1, 8)), LocalDate.of(2026, 4, 16));

		assertThat(overdue).singleElement().satisfies(late -> {
			assertThat(late.item().id()).isEqualTo("village-finance");
			assertThat(late.dueOn()).isEqualTo(LocalDate.of(2026, 4, 15));
			assertThat(late.lastStartedOn()).isEqualTo(LocalDate.of(2026, 1, 8));
		});
	}

	@Test
	void onItsDueDayTheMatterIsNotYetOverdue() {
		assertThat(Supervision.overdue(XINNING, ITEMS, Map.of(), LocalDate.of(2026, 4, 15))).isEmpty();
	}

	@Test
	void anEntryThisQuarterKeepsTheMatterOffTheList() {
		assertThat(Supervision.overdue(XINNING, ITEMS,
				Map.of(Supervision.key("chengdong", "village-finance"), LocalDate.of(2026, 4, 3)), LocalDate.of(2026, 6, 30)))
				.isEmpty();
	}

	@Test
	void aCommitteeThatNeverPublishedIsOverdue() {
		assertThat(Supervision.overdue(XINNING, ITEMS, Map.of(), LocalDate.of(2026, 12, 7)))
				.singleElement().satisfies(late -> assertThat(late.lastStartedOn()).isNull());
	}
}
