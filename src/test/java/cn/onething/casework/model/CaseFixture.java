package cn.onething.casework.model;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onething.calendar.HolidayFiles;
import cn.onething.calendar.WorkingDayCalendar;

/**
 * A retirement-like bundle: pension approval (人社) and medical insurance (医保) in parallel; the housing-fund
 * account is sealed after the pension is approved, and withdrawn after sealing. Counted on the shipped calendar.
 */
final class CaseFixture {

	static final WorkingDayCalendar CALENDAR = HolidayFiles.load(Path.of("guides/calendar"));
	/** A Monday and a working day. */
	static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

	static final Actor WINDOW = new Actor(Actor.Kind.WINDOW, "w1", "窗口一");
	static final Actor PENSION_REVIEWER = new Actor(Actor.Kind.REVIEWER, "r1", "人社审核员");
	static final Actor MEDICAL_REVIEWER = new Actor(Actor.Kind.REVIEWER, "r2", "医保审核员");
	static final Actor FUND_REVIEWER = new Actor(Actor.Kind.REVIEWER, "r3", "公积金审核员");
	static final Actor SUPERVISOR = new Actor(Actor.Kind.SUPERVISOR, "s1", "主管");
	static final Actor HEAD = new Actor(Actor.Kind.HEAD, "h1", "局长");

	static final Map<String, String> MATERIALS = Map.of(
			"id-card", "居民身份证", "household-register", "居民户口簿", "retirement-form", "退休申请表",
			"bank-card", "银行卡", "photo", "近期免冠照片");

	static CaseTerms terms(boolean partialOutcomes) {
		return new CaseTerms("retirement", "退休一件事", 1, List.of(
				new StepPlan("pension", "养老保险退休审批", "human-resources", List.of("P"), List.of(), new StepLimit(20, 10)),
				new StepPlan("medical", "医保退休待遇核定", "medical-security", List.of("M"), List.of(), new StepLimit(20, 10)),
				new StepPlan("fund-seal", "公积金账户封存", "housing-fund", List.of("S"), List.of("pension"), new StepLimit(3, 1)),
				new StepPlan("fund-withdraw", "公积金退休提取", "housing-fund", List.of("W"), List.of("fund-seal"), new StepLimit(5, 3))),
				20, partialOutcomes, MATERIALS, Set.of("bank-card", "photo"), "451421", 10, 5);
	}

	static CaseContext on(LocalDate day, Actor actor) {
		return new CaseContext(actor, ZonedDateTime.of(day, LocalTime.of(10, 0), CaseContext.CHINA).toInstant(), CALENDAR);
	}

	static CaseFile received(boolean partialOutcomes) {
		return CaseFile.submit("case-1", "FS7K2M9Q", terms(partialOutcomes), on(MONDAY, WINDOW)).after();
	}

	static Flag missing(String key, String reason) {
		return new Flag(null, key, null, Flag.Problem.MISSING, reason);
	}

	static Flag defective(String key, String reason) {
		return new Flag(null, key, null, Flag.Problem.DEFECTIVE, reason);
	}

	static LocalDate workingDaysAfter(LocalDate day, int n) {
		return CALENDAR.addWorkingDays(day, n, cn.onething.calendar.Region.of("451421"));
	}

	private CaseFixture() {
	}
}
