package cn.onething.casework.model;

import java.time.LocalDate;
import java.util.List;

/** 办结: the result of the case, item by item, and what the applicant collects where. */
public record Completion(LocalDate completedOn, Result result, List<String> approvedItems, List<String> refusedItems,
		List<String> collect) {

	public enum Result {
		APPROVED("全部办结"), PARTLY_APPROVED("部分事项办结"), REFUSED("不予批准");

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
