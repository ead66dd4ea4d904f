package cn.onething.catalog;

import java.time.Instant;
import java.time.LocalDate;

import cn.onething.catalog.guidefiles.GuideFolder;

/**
 * A change to the catalogue waiting for the reviewer of the government above (上级审核) before applicants see it
 * (docs/platform.md §3). {@code folder} is the whole catalogue the draft would publish; {@code publishOn}, when set,
 * is the day an approved draft goes public (the latest planned effective date of its guides).
 */
public record CatalogDraft(long id, Instant createdAt, String source, Status status, LocalDate publishOn,
		String reviewer, Instant decidedAt, String reason, Long importId, GuideFolder folder) {

	public enum Status {
		/** Waiting for review. */
		PENDING("待审核"),
		/** Approved, to be published on {@code publishOn}. */
		APPROVED("已批准，待生效"),
		/** Sent back with the reviewer's reasons; never published. */
		SENT_BACK("已退回"),
		PUBLISHED("已发布"),
		/** A later draft replaced it before it was published. */
		SUPERSEDED("已被新草稿取代");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean isOpen() {
		return status == Status.PENDING || status == Status.APPROVED;
	}
}
