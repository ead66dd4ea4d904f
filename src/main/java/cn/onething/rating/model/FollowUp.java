package cn.onething.rating.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * 差评整改: the follow-up a bad rating opens for the hall's supervisors, due a number of working days after the rating.
 * The supervisor records the contact with the applicant (核实), the rectification (整改) and the reply (反馈), then
 * closes it; the applicant may then rate the rectification, once. Each command returns the follow-up as it becomes,
 * or throws {@link RatingRefused} with the reason.
 */
public record FollowUp(UUID id, UUID ratingId, String caseId, String receiptCode, Level level, Instant openedAt,
		LocalDate dueOn, Entry contact, Entry rectification, Entry reply, Entry closed, Level verdict, Instant verdictAt) {

	/** One recorded act: what was written, by whom, when. */
	public record Entry(String text, String by, Instant at) {
	}

	/** What the supervisor records, in the order of the closed loop. */
	public enum Part {
		CONTACT("联系核实"), RECTIFICATION("整改措施"), REPLY("答复申请人");

		private final String label;

		Part(String label) {
			this.label = label;
		}

		/** As in the console's addresses: {@code contact}, {@code rectification}, {@code reply}. */
		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String label() {
			return label;
		}
	}

	/** What an applicant may say of a rectification: 满意, 基本满意 or 不满意. */
	public static final List<Level> VERDICTS = List.of(Level.SATISFIED, Level.BASICALLY_SATISFIED, Level.DISSATISFIED);

	public static FollowUp open(UUID ratingId, String caseId, String receiptCode, Level level, Instant openedAt, LocalDate dueOn) {
		if (!level.bad()) {
			throw new IllegalArgumentException("only a bad rating opens a follow-up, not " + level);
		}
		return new FollowUp(UUID.randomUUID(), ratingId, caseId, receiptCode, level, openedAt, dueOn, null, null, null, null, null, null);
	}

	/** Not closed yet (not named isClosed: that would be a second JSON property beside {@code closed}). */
	public boolean stillOpen() {
		return closed == null;
	}

	/** Still open after its due date. */
	public boolean overdueOn(LocalDate today) {
		return stillOpen() && today.isAfter(dueOn);
	}

	public Entry entry(Part part) {
		return switch (part) {
			case CONTACT -> contact;
			case RECTIFICATION -> rectification;
			case REPLY -> reply;
		};
	}

	/** Records or corrects one part while the follow-up is open. */
	public FollowUp record(Part part, String text, String by, Instant at) {
		if (!stillOpen()) {
			throw new RatingRefused("整改已办结，不能再修改。");
		}
		Entry entry = new Entry(text, by, at);
		return new FollowUp(id, ratingId, caseId, receiptCode, level, openedAt, dueOn,
				part == Part.CONTACT ? entry : contact, part == Part.RECTIFICATION ? entry : rectification,
				part == Part.REPLY ? entry : reply, closed, verdict, verdictAt);
	}

	/** Closes the loop: only once the contact, the rectification and the reply are recorded. */
	public FollowUp close(String note, String by, Instant at) {
		if (!stillOpen()) {
			throw new RatingRefused("整改已办结。");
		}
		for (Part part : Part.values()) {
			if (entry(part) == null) {
				throw new RatingRefused("请先记录“" + part.label() + "”，再办结整改。");
			}
		}
		return new FollowUp(id, ratingId, caseId, receiptCode, level, openedAt, dueOn, contact, rectification, reply,
				new Entry(note, by, at), verdict, verdictAt);
	}

	/** The applicant's rating of the rectification: once, after it was closed. */
	public FollowUp rate(Level given, Instant at) {
		if (!VERDICTS.contains(given)) {
			throw new IllegalArgumentException("a rectification is rated " + VERDICTS + ", not " + given);
		}
		if (stillOpen()) {
			throw new RatingRefused("整改尚未办结，办结后才能评价整改结果。");
		}
		if (verdict != null) {
			throw new RatingRefused("整改结果已经评价过了，只能评价一次。");
		}
		return new FollowUp(id, ratingId, caseId, receiptCode, level, openedAt, dueOn, contact, rectification, reply,
				closed, given, at);
	}
}
