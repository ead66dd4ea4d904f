package cn.onething.calendar;

import java.time.LocalDate;

/**
 * The time limit of a bundle handled jointly (统一办理、联合办理、集中办理). 行政许可法 §42 ¶2: "办理的时间不得超过
 * 四十五日；四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日，并应当将延长期限的理由告知申请人".
 * So the planned time of the bundle's steps is capped at 45 working days, and may be extended once by 15 with a
 * reason that the applicant is told.
 *
 * @param plannedWorkingDays what the bundle's approval plan needs (e.g. its longest serial path)
 * @param workingDays the limit in force
 * @param extensionReason why it was extended, as told to the applicant; null while not extended
 */
public record JointHandlingLimit(int plannedWorkingDays, int workingDays, String extensionReason) {

	/** §42 ¶2: at most 45 days for joint handling (days are working days, §82). */
	public static final int CAP = 45;

	/** §42 ¶2: one extension of 15 days, approved by the head of the government at that level. */
	public static final int EXTENSION = 15;

	public JointHandlingLimit {
		if (plannedWorkingDays < 0) {
			throw new IllegalArgumentException("A planned time cannot be negative: " + plannedWorkingDays);
		}
		if (extensionReason != null && extensionReason.isBlank()) {
			throw new IllegalArgumentException("An extension needs a reason to tell the applicant");
		}
		int maximum = extensionReason == null ? CAP : CAP + EXTENSION;
		if (workingDays < 0 || workingDays > maximum) {
			throw new IllegalArgumentException("Joint handling is limited to " + maximum + " working days: " + workingDays);
		}
	}

	/** The plan's time, or 45 working days if the plan needs more. */
	public static JointHandlingLimit forPlan(int plannedWorkingDays) {
		return new JointHandlingLimit(plannedWorkingDays, Math.min(plannedWorkingDays, CAP), null);
	}

	/** Whether the plan cannot be done within the cap, so staff must seek the extension or shorten the plan. */
	public boolean planExceedsCap() {
		return plannedWorkingDays > workingDays;
	}

	public boolean isExtended() {
		return extensionReason != null;
	}

	/**
	 * The limit after the approved extension: 15 more working days, once. The reason must be told to the
	 * applicant, so it is required here.
	 */
	public JointHandlingLimit extend(String reason) {
		if (isExtended()) {
			throw new IllegalStateException("Joint handling can be extended only once (行政许可法 §42)");
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An extension needs a reason to tell the applicant");
		}
		return new JointHandlingLimit(plannedWorkingDays, workingDays + EXTENSION, reason);
	}

	/** The deadline of the bundle, counted from its acceptance at the window. */
	public Deadline deadlineFrom(LocalDate accepted, Region region) {
		return Deadline.of(accepted, workingDays, region);
	}
}
