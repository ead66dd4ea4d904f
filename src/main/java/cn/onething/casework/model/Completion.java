package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;

/**
 * 办结: the result of the case, item by item, and what the applicant collects where.
 *
 * @param nonAcceptance the 不予受理 decision that ended the case; null when it ended by decisions on its steps
 */
public record Completion(LocalDate completedOn, Result result, List<String> approvedItems, List<String> refusedItems,
		List<String> collect, NonAcceptance nonAcceptance) {

	public enum Result {
		APPROVED("全部办结"), PARTLY_APPROVED("部分事项办结"), REFUSED("不予批准"), NOT_ACCEPTED("不予受理");

		private final String label;

		Result(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public Completion {
		approvedItems = List.copyOf(approvedItems);
		refusedItems = List.copyOf(refusedItems);
		collect = List.copyOf(collect);
	}
}
