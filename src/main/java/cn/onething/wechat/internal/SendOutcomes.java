package cn.onething.wechat.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import cn.onething.wechat.SendResult;
import cn.onething.wechat.WechatException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.apache.http.client.HttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classifies what WxJava throws (docs/wechat.md §7.3) into {@link SendResult}s, as docs/architecture.md §6 says. Codes
 * not listed are permanent: WeChat refuses the message itself, and the same request would be refused again. Whether a
 * failure without an answer is {@link SendResult.Unknown} or {@link SendResult.Temporary} depends on whether the
 * request can have reached WeChat: that decides whether a resend may reach the applicant twice.
 */
final class SendOutcomes {

	/**
	 * §1.3. WxJava has already expired the token, fetched a fresh one and resent once before it throws one of these
	 * (§7.3), so seeing one here means the refresh did not help.
	 */
	private static final Set<Integer> TOKEN = Set.of(40001, 40014, 42001);

	/** System busy, daily and per-minute quotas, per-openid frequency (§0.1, §2.3; §10.B.8). */
	private static final Set<Integer> BUSY = Set.of(-1, 45009, 45011, 43117);

	/**
	 * The token endpoint's refusals (§1.1): wrong appid or secret, IP not on the allow-list, frozen secret or
	 * account, a risky call awaiting the admin. Nothing is wrong with the message; it goes out once an operator
	 * fixes the account's setup, so the outbox should keep it.
	 */
	private static final Set<Integer> ACCOUNT_SETUP = Set.of(40013, 40125, 40164, 40243, 41002, 41004, 50004, 50007, 89503);

	/**
	 * "This client_msg_id was used already" (45065, WxJava's WxMpErrorMsgEnum; documented for mass sends, whose
	 * answer carries the first message's id). WeChat took the message the first time: the applicant has it.
	 */
	private static final int CLIENT_MSG_ID_USED = 45065;

	/** "Same client_msg_id retried too fast, wait a minute" (45066): an answer, so nothing new was taken. */
	private static final int CLIENT_MSG_ID_TOO_FAST = 45066;

	/**
	 * HTTP statuses that say the request was not handled (RFC 9110 §15.6.4, §15.5 of RFC 6585): a gateway in front
	 * of WeChat turned it away. Any other error status (502, 504...) may come after WeChat took the message.
	 */
	private static final Set<Integer> NOT_HANDLED = Set.of(429, 503);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SendOutcomes() {
	}

	static SendResult of(Throwable failure) {
		if (failure instanceof WxErrorException wx) {
			int code = wx.getError().getErrorCode();
			String reason = reason(wx.getError());
			if (code == CLIENT_MSG_ID_USED) {
				return new SendResult.Sent(msgidIn(wx.getError().getJson()));
			}
			if (TOKEN.contains(code)) {
				return new SendResult.TokenRejected(code, reason);
			}
			if (code == SendResult.NO_ANSWER) {
				// §7.3: an I/O error or an HTTP error status of the send itself, as -99 with the cause kept
				return neverLeft(failure.getCause()) ? new SendResult.Temporary(code, reason) : new SendResult.Unknown(reason);
			}
			if (BUSY.contains(code) || ACCOUNT_SETUP.contains(code) || code == CLIENT_MSG_ID_TOO_FAST) {
				return new SendResult.Temporary(code, reason);
			}
			return new SendResult.Permanent(code, reason);
		}
		if (failure instanceof WxRuntimeException && failure.getCause() == null) {
			// §7.3: with maxRetryTimes 0, a -1 surfaces as a WxRuntimeException without code or cause.
			return new SendResult.Temporary(-1, "system error");
		}
		if (failure instanceof WxRuntimeException || failure instanceof RejectedExecutionException) {
			// §7.3: the token request failed (I/O error, HTTP error, lock not obtained), so the send was never
			// made; or the local queue was full.
			return new SendResult.Temporary(SendResult.NO_ANSWER, String.valueOf(failure));
		}
		// An HTML page with status 200 from a proxy, an answer WxJava cannot read: the request went out.
		return new SendResult.Unknown(String.valueOf(failure));
	}

	/** For calls that are not sends: the same errcode, as an exception for the caller's error path. */
	static WechatException exception(Throwable failure) {
		if (of(failure) instanceof SendResult.Failure classified) {
			return new WechatException(classified.errcode(), classified.reason());
		}
		return new WechatException(CLIENT_MSG_ID_USED, String.valueOf(failure.getMessage()));
	}

	/** Failures before the request was written: nobody at WeChat can have seen it. */
	private static boolean neverLeft(Throwable cause) {
		return cause instanceof ConnectException // refused, HttpHostConnectException
				|| cause instanceof ConnectTimeoutException // no connection in time, or none free in the pool
				|| cause instanceof UnknownHostException
				|| cause instanceof NoRouteToHostException
				|| cause instanceof HttpResponseException status && NOT_HANDLED.contains(status.getStatusCode());
	}

	/** The msgid of the first send, where the answer names it ({@code msgid}, or {@code msg_id} as mass sends do). */
	private static String msgidIn(String json) {
		try {
			JsonNode answer = json == null ? null : JSON.readTree(json);
			if (answer == null) {
				return null;
			}
			JsonNode msgid = answer.has("msgid") ? answer.get("msgid") : answer.get("msg_id");
			return msgid == null || msgid.isNull() ? null : msgid.asString();
		}
		catch (JacksonException unreadable) {
			return null;
		}
	}

	/** WeChat's own English errmsg when there is one (§0.1), not WxJava's translation. */
	private static String reason(WxError error) {
		return error.getErrorMsgEn() != null ? error.getErrorMsgEn() : String.valueOf(error.getErrorMsg());
	}
}
