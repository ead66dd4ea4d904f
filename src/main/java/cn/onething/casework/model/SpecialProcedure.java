package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import cn.onething.calendar.Suspension;

/**
 * A special procedure of 行政许可法 §45 that a step's reviewer recorded: its time is not counted in the step's limit
 * nor in the bundle's, and the applicant is told its kind, reason and expected end. It runs from its first day until
 * a recorded act ends it; while it runs it counts through its expected end (docs/legal.md §3.4).
 *
 * @param endedOn the day the ending act was recorded, counted as suspended; null while it runs
 */
public record SpecialProcedure(int number, String stepId, Kind kind, String reason, LocalDate startedOn,
		LocalDate expectedEndOn, LocalDate endedOn, Actor startedBy, Actor endedBy) {

	/** The procedures §45 names that a county hall meets, with 公示 where a rule requires publication first. */
	public enum Kind {
		HEARING("听证"), INSPECTION("检验检测"), EXPERT_REVIEW("专家评审"), SURVEY("现场勘验"), PUBLICATION("公示");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** The kind a form or request names by its code; empty for anything else. */
		public static Optional<Kind> named(String code) {
			return Arrays.stream(values()).filter(kind -> kind.name().equals(code)).findFirst();
		}
	}

	public boolean running() {
		return endedOn == null;
	}

	/** The last day not counted: the day the end was recorded, or the expected end while it runs. */
	public LocalDate lastDay() {
		return running() ? expectedEndOn : endedOn;
	}

	/** The stretch its step's clock stands still, with the reason the applicant is told. */
	public Suspension suspension() {
		return new Suspension(startedOn, lastDay(), kind.label() + "：" + reason);
	}

	SpecialProcedure endedOn(LocalDate day, Actor actor) {
		return new SpecialProcedure(number, stepId, kind, reason, startedOn, expectedEndOn, day, startedBy, actor);
	}
}
