package cn.onething.casework;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.onething.casework.model.CaseEvent;
import cn.onething.casework.model.StepPlan;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case event as published through the outbox (kind {@value #OUTBOX_KIND}), in the transaction that changed the
 * case: the casework module's news for modules that tell applicants what happened (notification). The event is kept
 * as JSON with its kind so that a reader of an older version skips a kind it does not know instead of failing.
 *
 * @param seq       the event's place in the case's trail; with the case id it is unique and orders the news of one
 *                  case
 * @param stepNames the names of the case's approval steps by id, as filed: events name steps by id, and a reader
 *                  telling an applicant about them needs the words (empty in news written before it was added)
 */
public record CaseNews(String caseId, String receiptCode, String bundleId, String bundleName, int seq, String kind,
		JsonNode event, Map<String, String> stepNames) {

	public static final String OUTBOX_KIND = "casework.event";

	public CaseNews {
		stepNames = stepNames == null ? Map.of() : Map.copyOf(stepNames);
	}

	static CaseNews of(StoredCase stored, int seq, CaseEvent event, JsonMapper json) {
		var file = stored.file();
		Map<String, String> stepNames = file.terms().plan().stream().collect(Collectors.toMap(StepPlan::id, StepPlan::name));
		return new CaseNews(file.id(), file.receiptCode(), file.terms().bundleId(), file.terms().bundleName(), seq,
				event.kind(), json.valueToTree(event), stepNames);
	}

	/** The step's name, or its id when the news does not know it. */
	public String stepName(String stepId) {
		return stepNames.getOrDefault(stepId, stepId);
	}

	/** Unique across everything ever appended to the outbox, so a repeated command does not publish twice. */
	public String dedupeKey() {
		return "case:" + caseId + ":" + seq;
	}

	/** The event as it was, or empty when this version does not know its kind (or can no longer read it). */
	public Optional<CaseEvent> read(JsonMapper json) {
		return CaseEvent.typeOf(kind).flatMap(type -> {
			try {
				return Optional.of(json.treeToValue(event, type));
			}
			catch (JacksonException e) {
				return Optional.empty();
			}
		});
	}
}
