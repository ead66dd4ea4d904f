package cn.onething.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.onething.shared.yaml.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.onething.calendar.CalendarFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A content editor's mistakes in a holiday file, each reported as path:line: field: message. */
class HolidayFilesTests {

	static final String NATIONAL = """
			year: 2026
			region: national
			regionName: 全国
			notice: 国务院办公厅关于2026年部分节假日安排的通知
			source: https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm
			confirmed: true
			days:
			  - {date: 2026-02-14, kind: 上班, name: 春节}
			  - {date: 2026-02-15, kind: 放假, name: 春节}
			  - {date: 2026-02-16, kind: 放假, name: 春节}
			""";

	static final String GUANGXI = """
			year: 2026
			region: "45"
			regionName: 广西壮族自治区
			notice: 广西壮族自治区人民政府办公厅关于2026年“壮族三月三”放假的通知
			confirmed: false
			days:
			  - {date: 2026-04-19, kind: 放假, name: 壮族三月三}
			  - {date: 2026-04-20, kind: 放假, name: 壮族三月三}
			""";

	@TempDir
	Path folder;

	@BeforeEach
	void validFolder() {
		write("national-2026.yaml", NATIONAL);
		write("guangxi-2026.yaml", GUANGXI);
		write("README.md", "not a holiday file");
	}

	@Test
	void aValidFolderYieldsOneScheduleAFile() {
		HolidayFiles.Result read = HolidayFiles.read(folder);

		assertThat(read.problems()).isEmpty();
		assertThat(read.schedules()).extracting(HolidaySchedule::region).containsExactlyInAnyOrder(Region.NATIONAL, Region.GUANGXI);
		WorkingDayCalendar calendar = read.calendar();
		assertThat(calendar.isWorkingDay(day("2026-02-14"), Region.NATIONAL)).isTrue();
		assertThat(calendar.isWorkingDay(day("2026-04-20"), Region.GUANGXI)).isFalse();
	}

	@Test
	void aBadDateNamesPathLineAndField() {
		replace("national-2026.yaml", "2026-02-16", "2026-02-30");

		assertThat(problems()).containsExactly(path("national-2026.yaml") + ":10: days[2].date: 日期应写作 YYYY-MM-DD，实际为“2026-02-30”");
	}

	@Test
	void aDuplicateDateNamesTheLineWhereItFirstStands() {
		replace("national-2026.yaml", "2026-02-16", "2026-02-15");

		assertThat(problems()).containsExactly(path("national-2026.yaml") + ":10: days[2].date: 日期重复：2026-02-15 已在第9行");
	}

	@Test
	void anUnknownKindIsRefused() {
		replace("national-2026.yaml", "2026-02-15, kind: 放假", "2026-02-15, kind: 休息");

		assertThat(problems()).containsExactly(path("national-2026.yaml") + ":9: days[1].kind: “休息”不是允许的取值，应为：放假、上班");
	}

	@Test
	void aDateOutsideTheFilesYearIsRefused() {
		replace("national-2026.yaml", "2026-02-15", "2025-02-15");

		assertThat(problems()).containsExactly(path("national-2026.yaml") + ":9: days[1].date: 日期2025-02-15不在本文件的年份2026内");
	}

	@Test
	void aWorkingDayOnAWeekdayIsRefusedBecauseWeekdaysWorkAnyway() {
		replace("national-2026.yaml", "2026-02-16, kind: 放假", "2026-02-16, kind: 上班");

		assertThat(problems()).containsExactly(path("national-2026.yaml") + ":10: days[2].kind: 上班（调休）只能是周六或周日，2026-02-16 是星期一");
	}

	@Test
	void aWorkingDayOnAStatutoryHolidayIsRefused() {
		// 三月初三 2026 is a Sunday, but a holiday by Guangxi's law: a notice cannot make it a 调休 working day.
		replace("guangxi-2026.yaml", "2026-04-19, kind: 放假", "2026-04-19, kind: 上班");

		assertThat(problems()).containsExactly(path("guangxi-2026.yaml") + ":7: days[0].kind: 2026-04-19 是法定节假日（壮族三月三），不能调休上班");
	}

	@Test
	void aDayWithoutANameIsRefused() {
		replace("national-2026.yaml", "2026-02-15, kind: 放假, name: 春节", "2026-02-15, kind: 放假");

		assertThat(problems()).containsExactly(path("national-2026.yaml") + ":9: days[1].name: 缺少必填字段");
	}

	@Test
	void aMisspeltFieldIsReported() {
		replace("guangxi-2026.yaml", "regionName:", "regionNmae:");

		assertThat(problems()).containsExactly(
				path("guangxi-2026.yaml") + ":1: regionName: 缺少必填字段",
				path("guangxi-2026.yaml") + ":3: regionNmae: 未知字段（请检查拼写）");
	}

	@Test
	void aConfirmedFileNeedsTheAddressOfItsNotice() {
		replace("guangxi-2026.yaml", "confirmed: false", "confirmed: true");

		assertThat(problems()).containsExactly(path("guangxi-2026.yaml") + ":1: source: 缺少必填字段");
	}

	@Test
	void aRegionIsNationalOrADivisionCode() {
		replace("guangxi-2026.yaml", "region: \"45\"", "region: guangxi");

		assertThat(problems()).containsExactly(path("guangxi-2026.yaml")
				+ ":2: region: 应为 national（全国）或区划代码（如广西为 \"45\"），实际为“guangxi”");
	}

	@Test
	void theYearMustAgreeWithTheFileName() {
		write("guangxi-2027.yaml", GUANGXI);

		assertThat(problems()).containsExactly(path("guangxi-2027.yaml") + ":1: year: 文件名中的年份2027与 year: 2026 不一致");
	}

	@Test
	void twoFilesForTheSameRegionAndYearAreRefused() {
		write("national-extra-2026.yaml", NATIONAL);

		assertThat(problems()).containsExactly(path("national-extra-2026.yaml") + ":1: year: 地区national的2026年已在 "
				+ path("national-2026.yaml") + " 中，每个地区每年只能有一个文件");
	}

	@Test
	void malformedYamlIsReportedWithItsLine() {
		replace("national-2026.yaml", "name: 春节}\n  - {date: 2026-02-16", "name: 春节\n  - {date: 2026-02-16");

		// SnakeYAML notices the open brace on the next line; the editor is sent to the line that opened it.
		assertThat(problems()).singleElement().asString()
				.startsWith(path("national-2026.yaml") + ":9: (yaml): YAML 格式错误：花括号“{”没有闭合");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		replace("national-2026.yaml", "2026-02-16", "2026-02-30");
		replace("national-2026.yaml", "kind: 上班", "kind: 补班");
		replace("guangxi-2026.yaml", "confirmed: false", "confirmed: maybe");

		assertThat(problems()).containsExactly(
				path("guangxi-2026.yaml") + ":5: confirmed: 应为 true（已与通知核对）或 false，实际为“maybe”",
				path("national-2026.yaml") + ":8: days[0].kind: “补班”不是允许的取值，应为：放假、上班",
				path("national-2026.yaml") + ":10: days[2].date: 日期应写作 YYYY-MM-DD，实际为“2026-02-30”");
	}

	@Test
	void aFolderWithAProblemGivesNoCalendar() {
		replace("national-2026.yaml", "2026-02-16", "2026-02-30");

		assertThatIllegalStateException().isThrownBy(() -> HolidayFiles.load(folder))
				.withMessageContaining(path("national-2026.yaml") + ":10: days[2].date:");
	}

	@Test
	void aMissingFolderIsAProblemNotAnEmptyCalendar() {
		assertThat(HolidayFiles.read(folder.resolve("missing")).problems()).singleElement().asString()
				.endsWith("missing:1: (folder): 节假日目录不存在");
	}

	private List<String> problems() {
		return HolidayFiles.read(folder).problems().stream().map(Problem::toString).toList();
	}

	private String path(String file) {
		return folder.resolve(file).toString().replace('\\', '/');
	}

	private void write(String file, String content) {
		try {
			Files.writeString(folder.resolve(file), content);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private void replace(String file, String old, String replacement) {
		try {
			String content = Files.readString(folder.resolve(file));
			assertThat(content).as("fixture text to replace").contains(old);
			Files.writeString(folder.resolve(file), content.replace(old, replacement));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
