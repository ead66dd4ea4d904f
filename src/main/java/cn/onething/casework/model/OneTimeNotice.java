package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;

/**
 * 一次性告知: every item to correct, from every department, in one notice. Version 1 is the notice of 行政许可法
 * §32(4); a later version lists only what is still defective after a correction.
 */
public record OneTimeNotice(int version, LocalDate issuedOn, LocalDate correctBy, List<Flag> items, Trigger trigger) {

	public enum Trigger {
		/** Every department that was reviewing had reviewed. */
		ALL_REVIEWED(""),
		/** A department flagged on the fifth working day after receipt, the last day for the notice (§32(4)). */
		FIVE_DAY_LIMIT("一次性告知期限（收件后第五个工作日）当天发出，未等其他部门审查完毕（行政许可法第三十二条）"),
		/** A department flagged on the last day to review the corrections, before the corrections count as accepted. */
		REVIEW_LIMIT("补正材料审查期限最后一天发出，未等其他部门审查完毕");

		private final String label;

		Trigger(String label) {
			this.label = label;
		}

		/** Why the notice went out before every department had reviewed; empty when all had. */
		public String label() {
			return label;
		}
	}

	public OneTimeNotice {
		items = List.copyOf(items);
	}

	public boolean lists(String materialKey) {
		return items.stream().anyMatch(item -> item.materialKey().equals(materialKey));
	}
}
