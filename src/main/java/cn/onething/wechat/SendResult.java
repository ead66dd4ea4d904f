package cn.onething.wechat;

/**
 * What became of one push, classified as docs/architecture.md §6 says so that the outbox knows whether to retry. Never
 * an exception: every failure WeChat or the network can produce is one of these values.
 */
public sealed interface SendResult {

	/** The errcode of a failure that got no answer from WeChat (I/O error, timeout, HTTP error): outcome unknown. */
	int NO_ANSWER = -99;

	/**
	 * WeChat accepted the message. Delivery is reported later, by this msgid, to
	 * {@link WechatListener#deliveryReported} (docs/wechat.md §2.4).
	 *
	 * @param msgid a 64-bit integer kept as text: parsed as a double it would lose digits (§2.1)
	 */
	record Sent(String msgid) implements SendResult {
	}

	/** Every result but {@link Sent}: what WeChat answered, or {@link #NO_ANSWER}. */
	sealed interface Failure extends SendResult {

		int errcode();

		String reason();
	}

	/**
	 * The access token was refused (40001, 40014, 42001) even after one refresh and one resend inside the channel
	 * (§1.3, §10.B.4): mark the notification failed, don't loop.
	 */
	record TokenRejected(int errcode, String reason) implements Failure {
	}

	/**
	 * Try the same push again later, with the same client_msg_id: system busy (-1), quotas (45009 until the next
	 * day, 45011, 43117), timeouts, HTTP errors, a full local queue, or an account setup an operator must fix.
	 */
	record Temporary(int errcode, String reason) implements Failure {
	}

	/**
	 * Retrying cannot help: not following (43004), refused (43101), bad openid (40003) or template (40037), a value
	 * WeChat rejects (47003, also found locally before sending). Fall back to the progress page and the window.
	 */
	record Permanent(int errcode, String reason) implements Failure {
	}
}
