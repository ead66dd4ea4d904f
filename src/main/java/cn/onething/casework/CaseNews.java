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

	/**
	 * The same news again, as its own kind, for the milestones of the procedure ({@link #isMilestone}): the regional
	 * platform module reports them to the platform's case library. The outbox has one handler per kind, and the
	 * report must not wait for (or fail with) the applicant's push, so it travels apart.
	 */
	public static final String PLATFORM_REPORT_KIND = "platform.case-report";

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

	/**
	 * 收件, 补正告知 (the one-time notice), 受理, and 办结 (不予受理 included): the events of 行政许可法 §§32–34 a case
	 * library records; the review work in between (steps activated, materials flagged) stays in the hall.
	 */
	public static boolean isMilestone(CaseEvent event) {
		return event instanceof CaseEvent.ApplicationSubmitted || event instanceof CaseEvent.NoticeIssued
				|| event instanceof CaseEvent.ApplicationAccepted || event instanceof CaseEvent.ApplicationCompleted;
	}

	/** Unique across the outbox, beside {@link #dedupeKey()}: the platform report of this event. */
	public String platformReportKey() {
		return "platform-report:" + dedupeKey();
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
