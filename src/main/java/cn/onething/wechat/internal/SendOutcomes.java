package cn.onething.wechat.internal;

import java.util.Set;

import cn.onething.wechat.SendResult;
import cn.onething.wechat.WechatException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;

/**
 * Classifies what WxJava throws (docs/wechat.md §7.3) into {@link SendResult}s, as docs/architecture.md §6 says. Codes
 * not listed are permanent: WeChat refuses the message itself, and the same request would be refused again.
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

	private SendOutcomes() {
	}

	static SendResult of(Throwable failure) {
		if (failure instanceof WxErrorException wx) {
			int code = wx.getError().getErrorCode();
			String reason = reason(wx.getError());
			if (TOKEN.contains(code)) {
				return new SendResult.TokenRejected(code, reason);
			}
			if (BUSY.contains(code) || ACCOUNT_SETUP.contains(code) || code == SendResult.NO_ANSWER) {
				return new SendResult.Temporary(code, reason);
			}
			return new SendResult.Permanent(code, reason);
		}
		if (failure instanceof WxRuntimeException && failure.getCause() == null) {
			// §7.3: with maxRetryTimes 0, a -1 surfaces as a WxRuntimeException without code or cause.
			return new SendResult.Temporary(-1, "system error");
		}
		// Token request I/O errors (WxRuntimeException with a cause), a full queue, an HTML page from a proxy:
		// WeChat may or may not have the message, so the outbox resends with the same client_msg_id (§10.B.6).
		return new SendResult.Temporary(SendResult.NO_ANSWER, String.valueOf(failure));
	}

	/** For calls that are not sends: the same errcode, as an exception for the caller's error path. */
	static WechatException exception(Throwable failure) {
		SendResult.Failure classified = (SendResult.Failure) of(failure);
		return new WechatException(classified.errcode(), classified.reason());
	}

	/** WeChat's own English errmsg when there is one (§0.1), not WxJava's translation. */
	private static String reason(WxError error) {
		return error.getErrorMsgEn() != null ? error.getErrorMsgEn() : String.valueOf(error.getErrorMsg());
	}
}
