package cn.onething.calendar;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a holiday notice says about one day. Only exceptions to the weekday rule are listed: days off (including
 * weekend days inside a break) and 调休 weekend days that are working days.
 */
public enum DayKind {

	/** 放假: not a working day, even on a Monday. */
	OFF("放假"),

	/** 上班: a weekend day made a working day by 调休; it counts in a time limit (行政许可法 §82). */
	WORK("上班");

	private final String label;

	DayKind(String label) {
		this.label = label;
	}

	/** The word used in the YAML files, so content editors write Chinese. */
	public String label() {
		return label;
	}

	public static Optional<DayKind> byLabel(String label) {
		return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
	}
}
