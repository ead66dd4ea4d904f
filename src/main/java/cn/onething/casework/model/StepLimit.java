package cn.onething.casework.model;

/**
 * The time limits of a step, in working days from the day its clock starts, as the guides of its items give them:
 * the statutory limit (法定时限) and the committed one (承诺时限), never longer. A step deciding several items takes
 * the longest of them (docs/legal.md §3.3).
 */
public record StepLimit(int statutoryWorkingDays, int committedWorkingDays) {

	public StepLimit {
		if (statutoryWorkingDays < 0 || committedWorkingDays < 0) {
			throw new IllegalArgumentException("A time limit cannot be negative: " + statutoryWorkingDays + ", " + committedWorkingDays);
		}
	}

	/** The days the step is due in: the committed limit, or the statutory one where the guide commits none. */
	public int workingDays() {
		return committedWorkingDays > 0 ? committedWorkingDays : statutoryWorkingDays;
	}

	/** The longer of two limits, for a step deciding several items. */
	public StepLimit longer(StepLimit other) {
		return new StepLimit(Math.max(statutoryWorkingDays, other.statutoryWorkingDays),
				Math.max(workingDays(), other.workingDays()));
	}
}
