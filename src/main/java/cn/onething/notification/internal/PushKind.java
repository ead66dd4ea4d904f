package cn.onething.notification.internal;

import java.util.Arrays;

/**
 * What a push is about, as stored in notification_push.kind. Step news is debounced (docs/architecture.md §6: several
 * step events within a short window may be merged); everything else matters enough to go at once.
 */
public enum PushKind {

	ACCEPTED("accepted", "受理"),
	NOTICE("notice", "一次性告知"),
	STEPS("steps", "审批进展"),
	COMPLETED("completed", "办结"),
	DEADLINE_NEAR("deadline-near", "补正期限临近"),
	EXTENDED("extended", "延期"),
	BOUND("bound", "绑定确认"),
	RATING_INVITATION("rating-invitation", "评价邀请"),
	/** News of something an openid follows other than a case: a village committee's entry ({@link cn.onething.notification.FollowerPushes}). */
	FOLLOWING("following", "关注推送");

	private final String code;
	private final String label;

	PushKind(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	/** For the staff's list. */
	public String label() {
		return label;
	}

	public boolean debounced() {
		return this == STEPS;
	}

	public static PushKind of(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no push kind " + code));
	}
}
