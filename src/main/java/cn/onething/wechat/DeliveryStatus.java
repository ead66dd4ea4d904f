package cn.onething.wechat;

/** WeChat's word on a message it accepted (docs/wechat.md §2.4, §3.4). */
public enum DeliveryStatus {

	/** {@code success}: the applicant has it. */
	DELIVERED,

	/** {@code failed:user block}: the applicant refuses messages from the account; final, fall back to the window. */
	BLOCKED_BY_USER,

	/** {@code failed: system failed}: WeChat's fault; sending again may work. */
	SYSTEM_FAILED,

	/** Any other failure, e.g. {@code failed:freq limit} or a non-zero subscribe ErrorCode. */
	FAILED
}
