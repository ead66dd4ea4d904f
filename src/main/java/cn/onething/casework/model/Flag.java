package cn.onething.casework.model;

/** A material a department found missing or defective, with the reason the applicant will read. */
public record Flag(String stepId, String materialKey, String materialName, Problem problem, String reason) {

	public enum Problem {
		MISSING("缺少"), DEFECTIVE("不符合要求");

		private final String label;

		Problem(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
