package cn.onething.calendar;

/**
 * One mistake in a holiday file, printed the way editors and compilers print them: {@code path:line: field: message},
 * e.g. {@code national-2026.yaml:14: days[9].date: 日期重复：2026-02-15 已在第13行}.
 */
public record CalendarProblem(String path, int line, String field, String message) {

	@Override
	public String toString() {
		return path + ":" + line + ": " + field + ": " + message;
	}
}
