package cn.onething.casework.model;

import java.util.List;

/** The state after a command and the events that say what happened; saved together or not at all. */
public record CaseChange(CaseFile after, List<CaseEvent> events) {

	public CaseChange {
		events = List.copyOf(events);
	}

	public boolean changedNothing() {
		return events.isEmpty();
	}
}
