package cn.onething.platform;

import java.time.Instant;

/** One attempt to read the platform; {@code detail} is its change set or its problems, as JSON. */
public record SyncRecord(Instant startedAt, String source, Outcome outcome, int items, String detail, Long draftId) {

	public enum Outcome {
		/** The change set went to the catalogue: published, or a draft when review is on. */
		SUBMITTED("已提交"),
		UNCHANGED("无变化"),
		/** The payload had problems; nothing was applied. */
		REJECTED("数据有误，未导入"),
		/** The platform could not be read; the catalogue stays as it is. */
		UNREACHABLE("平台无法访问");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
