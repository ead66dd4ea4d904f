package cn.onething.wechat;

/**
 * What became of one push, classified as docs/architecture.md §6 says so that the outbox knows whether to retry. Never
 * an exception: every failure WeChat or the network can produce is one of these values.
 */
public sealed interface SendResult {

	/** The errcode of a failure that got no answer from WeChat (I/O error, timeout, HTTP error). */
	int NO_ANSWER = -99;

	/**
	 * WeChat accepted the message. Delivery is reported later, by this msgid, to
	 * {@link WechatListener#deliveryReported} (docs/wechat.md §2.4). Also what an answer saying that the
	 * client_msg_id was used already (45065) means: WeChat accepted it the first time, so the applicant has it.
	 *
	 * @param msgid a 64-bit integer kept as text: parsed as a double it would lose digits (§2.1); null when WeChat
	 *              said the client_msg_id was used but not by which msgid
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
	 * (§1.3, §10.B.4): WeChat did not take the message. Retry later.
	 */
	record TokenRejected(int errcode, String reason) implements Failure {
	}

	/**
	 * WeChat did not take the message, and may take it later: it answered system busy (-1), a quota (45009 until the
	 * next day, 45011, 43117) or an account setup an operator must fix; or the request never left (connection
	 * refused, no access token to be had, a full local queue, HTTP 503 from the way in). Retry later with the same
	 * client_msg_id, for as long as the outbox likes.
	 */
	record Temporary(int errcode, String reason) implements Failure {
	}

	/**
	 * The request may have reached WeChat, and no answer came back: a read timeout, a connection closed or reset
	 * after the request was written, an error page or a garbled answer. WeChat may have accepted the message.
	 * A resend with the same client_msg_id is safe only while WeChat still de-duplicates it (10 minutes, §2.1).
	 */
	record Unknown(String reason) implements Failure {

		@Override
		public int errcode() {
			return NO_ANSWER;
		}
	}

	/**
	 * Retrying cannot help: not following (43004), refused (43101), bad openid (40003) or template (40037), a value
	 * WeChat rejects (47003, also found locally before sending). Fall back to the progress page and the window.
	 */
	record Permanent(int errcode, String reason) implements Failure {
	}
}
