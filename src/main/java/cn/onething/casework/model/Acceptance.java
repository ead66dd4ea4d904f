package cn.onething.casework.model;

import java.time.LocalDate;

/** 受理: the day the statutory clock starts, and why the case counts as accepted. */
public record Acceptance(LocalDate effectiveOn, Basis basis, LocalDate recordedOn) {

	public enum Basis {
		COMPLETE("材料齐全，予以受理"),
		CORRECTED("补正后材料齐全，予以受理"),
		/** 行政许可法 §32(4): no notice within five working days, so accepted from the day of receipt. */
		DEEMED("逾期未一次性告知，自收到申请材料之日起视为受理"),
		/**
		 * §32(5): a complete correction must be accepted; nobody reviewed the corrections by their due date, so the
		 * case is accepted from the day they arrived.
		 */
		CORRECTIONS_UNREVIEWED("补正材料逾期未审查，自收到补正材料之日起受理"),
		TOLERANT("容缺受理（申请人已书面承诺限期补齐）");

		private final String label;

		Basis(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** Accepted by a time rule rather than by a department's review: the chance to ask for corrections is gone. */
		public boolean byLaw() {
			return this == DEEMED || this == CORRECTIONS_UNREVIEWED;
		}
	}
}
